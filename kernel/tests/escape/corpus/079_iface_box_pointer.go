package main

type pair struct {
	a, b int
}

var sinkAny any

// Pointers are pointer-shaped: no box is needed, the pointee itself escapes.
func boxPtr() any {
	p := pair{1, 2}
	return &p
}

func boxParamPtr(p *pair) any {
	return p
}

func main() {
	sinkAny = boxPtr()
	q := &pair{3, 4}
	sinkAny = boxParamPtr(q)
}
