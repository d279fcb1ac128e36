package main

import "testing"

// Size-class rounding between 513 and 4096 bytes.

var sinkBytes []byte

func BenchmarkMakeBytes513(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 513)
	}
}

func BenchmarkMakeBytes1024(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 1024)
	}
}

func BenchmarkMakeBytes1025(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 1025)
	}
}

func BenchmarkMakeBytes2048(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 2048)
	}
}

func BenchmarkMakeBytes2049(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 2049)
	}
}

func BenchmarkMakeBytes4096(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 4096)
	}
}
