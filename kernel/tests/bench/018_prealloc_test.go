package main

import "testing"

// Preallocation vs growth for slices and maps.

var (
	sinkS1 []int
	sinkM1 map[int]int
)

func BenchmarkSliceGrow1000(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 1000 {
			s = append(s, i)
		}
		sinkS1 = s
	}
}

func BenchmarkSlicePrealloc1000(b *testing.B) {
	for range b.N {
		s := make([]int, 0, 1000)
		for i := range 1000 {
			s = append(s, i)
		}
		sinkS1 = s
	}
}

func BenchmarkMapGrow100(b *testing.B) {
	for range b.N {
		m := map[int]int{}
		for i := range 100 {
			m[i] = i
		}
		sinkM1 = m
	}
}

func BenchmarkMapPrealloc100(b *testing.B) {
	for range b.N {
		m := make(map[int]int, 100)
		for i := range 100 {
			m[i] = i
		}
		sinkM1 = m
	}
}
