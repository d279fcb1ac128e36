package main

import "testing"

// Size-class rounding around 32..80 bytes.

var sinkBytes []byte

func BenchmarkMakeBytes32(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 32)
	}
}

func BenchmarkMakeBytes33(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 33)
	}
}

func BenchmarkMakeBytes48(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 48)
	}
}

func BenchmarkMakeBytes49(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 49)
	}
}

func BenchmarkMakeBytes64(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 64)
	}
}

func BenchmarkMakeBytes65(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 65)
	}
}
