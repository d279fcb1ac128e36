package main

import (
	"fmt"
	"testing"
)

var sinkI []int

//go:noinline
func collect(n int) []int {
	var s []int
	for i := range n {
		s = append(s, i)
	}
	return s
}

func sumLocal(n int) int {
	var s []int
	for i := range n {
		s = append(s, i)
	}
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func main() {
	for _, n := range []int{1, 3, 4, 5, 100} {
		a := testing.AllocsPerRun(100, func() { sinkI = collect(n) })
		fmt.Printf("collect(%d) returned: %.0f allocs, len %d cap %d\n", n, a, len(sinkI), cap(sinkI))
	}
	for _, n := range []int{4, 5} {
		fmt.Printf("sumLocal(%d): %.0f allocs\n", n, testing.AllocsPerRun(100, func() { sumLocal(n) }))
	}
}
