package main

import (
	"fmt"
	str "strings"
	_ "unsafe"
)

const (
	A = iota
	B
	C
	_
	E
)

const big, small = 1 << 62, 0x1p-2

type (
	Point struct {
		X, Y int `json:"x"`
		*Named
		fmt.Stringer
	}
	Named struct{ name string }
	Alias = Point
	Grid  [4][4]byte
)

var (
	p    = &Point{X: 1, Y: 2}
	q, r int
	m    = map[string][]int{"a": {1, 2}, "b": nil}
)

func main() {
	fmt.Println(str.ToUpper("x"), A, B, C, E, big, small, p, q, r, m)
}
