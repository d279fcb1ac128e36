package main

var sinkInt int

// More results than tracked: only the first five are result leaks.
func six(p *int) (*int, *int, *int, *int, *int, *int) {
	return nil, nil, nil, nil, nil, p
}

func fifth(p *int) (*int, *int, *int, *int, *int, *int) {
	return nil, nil, nil, nil, p, nil
}

func main() {
	x := 1
	y := 2
	_, _, _, _, _, a := six(&x)
	_, _, _, _, b, _ := fifth(&y)
	sinkInt = *a + *b
}
