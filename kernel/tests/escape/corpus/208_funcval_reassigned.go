package main

var sinkInt int

func a(p *int) int {
	return *p + 1
}

func b(p *int) int {
	return *p + 2
}

// A func variable assigned in two branches.
func choose(flag bool) int {
	x := 1
	f := a
	if flag {
		f = b
	}
	return f(&x)
}

func main() {
	sinkInt = choose(true)
}
