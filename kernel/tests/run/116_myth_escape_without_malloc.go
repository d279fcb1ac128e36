package main

import (
	"fmt"
	"testing"
)

var sink any

//go:noinline
func box(x int) any { return x }

func main() {
	for _, v := range []int{7, 255, 256} {
		fmt.Printf("box(%d): %.0f allocs\n", v, testing.AllocsPerRun(100, func() { sink = box(v) }))
	}
	fmt.Printf("box const string: %.0f allocs\n", testing.AllocsPerRun(100, func() { sink = "constant" }))
	fmt.Printf("zero-size value: %.0f allocs\n", testing.AllocsPerRun(100, func() { sink = [0]int{} }))
	fmt.Printf("empty slice literal escaping: %.0f allocs\n", testing.AllocsPerRun(100, func() { sink = []int{} }))
	fmt.Println(sink)
}
