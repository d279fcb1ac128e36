package main

import "testing"

// Pointerful vs pointer-free objects; malloc header for pointerful > 512 B.

type ThreePtr struct{ a, b, c *int }

type Mixed struct {
	p    *int
	data [70]int64
}

var (
	sinkTP    *ThreePtr
	sinkPtrs  []*int
	sinkInts  []int64
	sinkMixed *Mixed
)

func BenchmarkThreePointerStruct(b *testing.B) {
	for range b.N {
		sinkTP = &ThreePtr{}
	}
}

func BenchmarkPtrSlice64(b *testing.B) {
	for range b.N {
		sinkPtrs = make([]*int, 64)
	}
}

func BenchmarkPtrSlice65(b *testing.B) {
	for range b.N {
		sinkPtrs = make([]*int, 65)
	}
}

func BenchmarkIntSlice65(b *testing.B) {
	for range b.N {
		sinkInts = make([]int64, 65)
	}
}

func BenchmarkPtrSlice128(b *testing.B) {
	for range b.N {
		sinkPtrs = make([]*int, 128)
	}
}

func BenchmarkMixedStruct568(b *testing.B) {
	for range b.N {
		sinkMixed = new(Mixed)
	}
}
