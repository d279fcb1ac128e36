package main

import "testing"

// Large objects: own span, whole pages.

var sinkBytes []byte

func BenchmarkMakeBytes65536(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 65536)
	}
}

func BenchmarkMakeBytes100000(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 100000)
	}
}

func BenchmarkMakeBytes1048576(b *testing.B) {
	for range b.N {
		sinkBytes = make([]byte, 1048576)
	}
}
