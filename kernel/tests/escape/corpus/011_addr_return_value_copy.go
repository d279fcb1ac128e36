package main

type point struct {
	x, y int
}

var sinkPoint point

// Returning a value copies it: nothing escapes.
func makePoint(x, y int) point {
	p := point{x, y}
	return p
}

// Returning a pointer to the composite literal instead.
func makePointPtr(x, y int) *point {
	p := point{x, y}
	return &p
}

func main() {
	sinkPoint = makePoint(1, 2)
	q := makePointPtr(3, 4)
	sinkPoint.x += q.y
}
