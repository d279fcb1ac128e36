package main

import "testing"

// Slices built locally and returned: growth can start in a stack buffer.

var sinkR []int

//go:noinline
func build(n int) []int {
	var s []int
	for i := range n {
		s = append(s, i)
	}
	return s
}

func BenchmarkBuildReturn3(b *testing.B) {
	for range b.N {
		sinkR = build(3)
	}
}

func BenchmarkBuildReturn5(b *testing.B) {
	for range b.N {
		sinkR = build(5)
	}
}

func BenchmarkBuildReturn100(b *testing.B) {
	for range b.N {
		sinkR = build(100)
	}
}

func BenchmarkPreallocReturn100(b *testing.B) {
	for range b.N {
		s := make([]int, 0, 100)
		for i := range 100 {
			s = append(s, i)
		}
		sinkR = s
	}
}
