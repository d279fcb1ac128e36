package main

type shape interface {
	area() int
}

type rect struct {
	w, h int
}

func (r rect) area() int {
	return r.w * r.h
}

var sinkInt int

// An interface method call is an unknown callee: the receiver leaks.
func totalArea(shapes []shape) int {
	t := 0
	for _, s := range shapes {
		t += s.area()
	}
	return t
}

func one(s shape) int {
	return s.area()
}

func main() {
	r := rect{2, 3}
	sinkInt = totalArea([]shape{r, rect{1, 1}}) + one(r)
}
