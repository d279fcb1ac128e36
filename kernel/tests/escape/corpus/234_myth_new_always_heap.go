package main

type point struct {
	x, y int
}

var sinkInt int

// Myth: "new() always allocates on the heap".
func viaNew() int {
	p := new(point)
	p.x = 3
	return p.x + p.y
}

// And the composite-literal spelling behaves the same way.
func viaLit() int {
	p := &point{x: 4}
	return p.x
}

func main() {
	sinkInt = viaNew() + viaLit()
}
