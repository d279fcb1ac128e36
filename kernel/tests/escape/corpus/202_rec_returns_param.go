package main

var sinkInt int

// Recursion that eventually returns its pointer parameter.
func last(p *int, n int) *int {
	if n == 0 {
		return p
	}
	return last(p, n-1)
}

func main() {
	x := 2
	sinkInt = *last(&x, 3)
}
