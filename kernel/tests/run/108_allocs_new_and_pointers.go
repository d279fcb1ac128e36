package main

import (
	"fmt"
	"testing"
)

type Point struct{ X, Y int }

var sinkP *Point

//go:noinline
func sumLocal() int {
	p := new(Point)
	p.X, p.Y = 3, 4
	return p.X + p.Y
}

//go:noinline
func escaping() *Point {
	return &Point{1, 2}
}

func addr(p *Point) int { return p.X * p.Y }

func main() {
	fmt.Printf("new(Point) local: %.0f allocs\n", testing.AllocsPerRun(100, func() { sumLocal() }))
	fmt.Printf("&Point{} returned: %.0f allocs\n", testing.AllocsPerRun(100, func() { sinkP = escaping() }))
	fmt.Printf("&local passed down: %.0f allocs\n", testing.AllocsPerRun(100, func() {
		v := Point{2, 3}
		_ = addr(&v)
	}))
	p := escaping()
	fmt.Println("pointer to former local is valid:", p.X, p.Y)
}
