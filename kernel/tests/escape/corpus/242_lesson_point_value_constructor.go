package main

import "fmt"

type Point struct {
	X, Y int
}

// The value-returning alternative to NewPoint.
func MakePoint(x, y int) Point {
	return Point{X: x, Y: y}
}

func (p Point) Add(q Point) Point {
	return Point{p.X + q.X, p.Y + q.Y}
}

func main() {
	p := MakePoint(1, 2).Add(MakePoint(3, 4))
	fmt.Println(p.X, p.Y)
}
