package main

import (
	"fmt"
	"testing"
)

func fill(n int) int {
	m := make(map[int]int)
	for i := range n {
		m[i] = i
	}
	return len(m)
}

func main() {
	for _, n := range []int{0, 1, 8, 9, 16, 17, 100} {
		a := testing.AllocsPerRun(100, func() { fill(n) })
		fmt.Printf("local map with %d entries: %.0f allocs\n", n, a)
	}
	var sink map[string]int
	a := testing.AllocsPerRun(100, func() { sink = map[string]int{"a": 1} })
	fmt.Printf("escaping map literal: %.0f allocs (%d)\n", a, len(sink))
}
