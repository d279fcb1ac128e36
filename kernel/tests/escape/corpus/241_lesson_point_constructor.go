package main

import "fmt"

type Point struct {
	X, Y int
}

// NewPoint is the textbook constructor returning a pointer.
func NewPoint(x, y int) *Point {
	return &Point{X: x, Y: y}
}

func (p *Point) Move(dx, dy int) {
	p.X += dx
	p.Y += dy
}

func main() {
	p := NewPoint(1, 2)
	p.Move(3, 4)
	fmt.Println(p.X, p.Y)
}
