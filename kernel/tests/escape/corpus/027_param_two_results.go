package main

var sinkInt int

// Two unnamed results: ~r0 and ~r1.
func split(a, b *int) (*int, *int) {
	return b, a
}

func main() {
	x, y := 1, 2
	p, q := split(&x, &y)
	sinkInt = *p - *q
}
