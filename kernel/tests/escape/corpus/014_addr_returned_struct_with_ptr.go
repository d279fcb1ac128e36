package main

type holder struct {
	p *int
}

var sinkInt int

// A struct value containing a pointer to a local is returned.
func wrap() holder {
	x := 8
	return holder{p: &x}
}

func main() {
	h := wrap()
	sinkInt = *h.p
}
