package main

import "testing"

// 2-D data: slice of slices vs one flat slice.

var (
	sink2D   [][]int
	sinkFlat []int
)

func BenchmarkSliceOfSlices10x10(b *testing.B) {
	for range b.N {
		g := make([][]int, 10)
		for i := range g {
			g[i] = make([]int, 10)
		}
		sink2D = g
	}
}

func BenchmarkFlat10x10(b *testing.B) {
	for range b.N {
		sinkFlat = make([]int, 100)
	}
}
