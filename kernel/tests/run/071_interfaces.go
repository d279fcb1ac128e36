package main

import (
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Square struct{ Rect }

func (r Rect) Area() float64         { return r.W * r.H }
func (r Rect) Perimeter() float64    { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64      { return 3 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 6 * c.R }

func NewSquare(s float64) Square { return Square{Rect{s, s}} }

func describe(s Shape) string {
	return fmt.Sprintf("%T area=%.1f perim=%.1f", s, s.Area(), s.Perimeter())
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}, NewSquare(4), &Rect{1, 1}}
	total := 0.0
	for _, s := range shapes {
		fmt.Println(describe(s))
		total += s.Area()
	}
	fmt.Println("total", total)
	var sb strings.Builder
	var w fmt.Stringer
	fmt.Println(w == nil)
	fmt.Fprintf(&sb, "%d shapes", len(shapes))
	fmt.Println(sb.String())
	var s1, s2 Shape = Rect{1, 2}, Rect{1, 2}
	fmt.Println(s1 == s2, s1 != Shape(Rect{2, 1}))
}
