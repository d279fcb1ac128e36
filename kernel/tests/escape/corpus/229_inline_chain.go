package main

type vec struct {
	x, y int
}

var sinkInt int

// A chain of small inlinable helpers returning pointers.
func newVec(x, y int) *vec {
	return &vec{x, y}
}

func (v *vec) add(o *vec) *vec {
	return newVec(v.x+o.x, v.y+o.y)
}

func length2(v *vec) int {
	return v.x*v.x + v.y*v.y
}

func compute() int {
	a := newVec(1, 2)
	b := newVec(3, 4)
	return length2(a.add(b))
}

func main() {
	sinkInt = compute()
}
