package main

var sinkInt int

// A variable declared inside the loop whose address is kept outside.
func loopEscape() int {
	var p *int
	for i := 0; i < 3; i++ {
		x := i
		p = &x
	}
	return *p
}

// The same address used only inside the iteration.
func loopOK() int {
	t := 0
	for i := 0; i < 3; i++ {
		x := i
		p := &x
		t += *p
	}
	return t
}

func main() {
	sinkInt = loopEscape() + loopOK()
}
