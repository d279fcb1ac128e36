package main

var sinkInt int

// Named result: the leak line names it.
func named(p *int) (r *int) {
	r = p
	return
}

// Named result via a field selection of a struct pointer.
func fieldOf(s *box) (inner *int) {
	inner = s.v
	return inner
}

type box struct {
	v *int
}

func main() {
	x := 5
	b := box{v: &x}
	sinkInt = *named(&x) + *fieldOf(&b)
}
