package main

import "testing"

// Largest small classes and the small/large boundary (32760).

var sinkBytes []byte

func BenchmarkMakeBytes8192(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 8192)
	}
}

func BenchmarkMakeBytes8193(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 8193)
	}
}

func BenchmarkMakeBytes16385(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 16385)
	}
}

func BenchmarkMakeBytes32760(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 32760)
	}
}

func BenchmarkMakeBytes32761(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 32761)
	}
}

func BenchmarkMakeBytes40000(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 40000)
	}
}
