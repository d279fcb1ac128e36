package main

import "fmt"

type Point struct{ X, Y int }

// NewPoint returns a pointer to a local: Go moves the value to the heap
// (unless the call is inlined into a caller that keeps it local).
func NewPoint(x, y int) *Point {
	p := Point{x, y}
	return &p
}

// Sum only reads through its parameter: "p does not escape".
func Sum(p *Point) int { return p.X + p.Y }

func main() {
	// A local value whose address never leaves main stays on the stack.
	local := Point{1, 2}
	total := Sum(&local)

	// Maps and slices that do not escape can live on the stack too.
	m := make(map[string]int)
	m["a"] = 1
	s := make([]int, 10)

	// Passing a value to fmt.Println converts it to an interface: it escapes.
	fmt.Println(total, len(m), len(s), NewPoint(3, 4).X)
}
