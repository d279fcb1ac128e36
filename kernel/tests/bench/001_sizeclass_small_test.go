package main

import "testing"

// Size-class rounding of pointer-free byte slices: tiny and the first classes.

var sinkBytes []byte

func BenchmarkMakeBytes8(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 8)
	}
}

func BenchmarkMakeBytes9(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 9)
	}
}

func BenchmarkMakeBytes16(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 16)
	}
}

func BenchmarkMakeBytes17(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 17)
	}
}

func BenchmarkMakeBytes24(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 24)
	}
}

func BenchmarkMakeBytes25(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 25)
	}
}
