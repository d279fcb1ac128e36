package main

var sinkInt int

// A recursive function with a pointer parameter.
func depth(p *int, n int) int {
	if n == 0 {
		return *p
	}
	return depth(p, n-1) + 1
}

func main() {
	x := 1
	sinkInt = depth(&x, 5)
}
