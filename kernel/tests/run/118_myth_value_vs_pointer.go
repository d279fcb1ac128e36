package main

import (
	"fmt"
	"testing"
)

type Vec struct{ X, Y, Z float64 }

func (v Vec) Add(o Vec) Vec     { return Vec{v.X + o.X, v.Y + o.Y, v.Z + o.Z} }
func (v *Vec) AddInPlace(o Vec) { v.X += o.X; v.Y += o.Y; v.Z += o.Z }

var sinkV *Vec

func main() {
	a := testing.AllocsPerRun(100, func() {
		v := Vec{1, 2, 3}
		for range 10 {
			v = v.Add(Vec{1, 1, 1})
		}
		_ = v
	})
	fmt.Printf("value receivers: %.0f allocs\n", a)
	b := testing.AllocsPerRun(100, func() {
		v := &Vec{1, 2, 3}
		for range 10 {
			v.AddInPlace(Vec{1, 1, 1})
		}
		sinkV = v
	})
	fmt.Printf("pointer stored globally: %.0f allocs\n", b)
	v := Vec{1, 2, 3}
	c := testing.AllocsPerRun(100, func() { fmt.Sprint(v) })
	fmt.Printf("fmt.Sprint(value) boxes: %v\n", c >= 1)
	fmt.Println(Vec{1, 2, 3}.Add(Vec{0.5, 0.5, 0.5}))
}
