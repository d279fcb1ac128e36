package main

import "testing"

// Size-class rounding in the 16-byte-aligned range up to 512.

var sinkBytes []byte

func BenchmarkMakeBytes100(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 100)
	}
}

func BenchmarkMakeBytes128(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 128)
	}
}

func BenchmarkMakeBytes129(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 129)
	}
}

func BenchmarkMakeBytes256(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 256)
	}
}

func BenchmarkMakeBytes257(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 257)
	}
}

func BenchmarkMakeBytes512(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 512)
	}
}
