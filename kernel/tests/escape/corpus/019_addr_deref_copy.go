package main

var sinkInt int

// Copying the value behind a parameter pointer does not leak it.
func deref(p *int) int {
	v := *p
	return v + 1
}

// Returning the pointer parameter leaks it to the result.
func passThrough(p *int) *int {
	if *p > 0 {
		return p
	}
	return nil
}

func main() {
	x := 5
	y := 6
	sinkInt = deref(&x)
	if q := passThrough(&y); q != nil {
		sinkInt += *q
	}
}
