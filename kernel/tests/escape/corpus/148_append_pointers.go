package main

var sinkPtrs []*int

// Appending a pointer parameter leaks it.
func appendPtr(p *int) []*int {
	var s []*int
	s = append(s, p)
	return s
}

// Appending pointers to locals into a local slice.
func appendLocalPtrs() int {
	a, b := 1, 2
	var s []*int
	s = append(s, &a, &b)
	return *s[0] + *s[1]
}

func main() {
	x := 3
	sinkPtrs = appendPtr(&x)
	println(appendLocalPtrs())
}
