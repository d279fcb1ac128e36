package main

import "testing"

// Interface boxing: small ints and single bytes use static data.

type Pair struct{ A, B int64 }

var (
	sinkAny any
	n200    = 200
	n255    = 255
	n256    = 256
	str     = "hello"
	pair    = Pair{1, 2}
)

func BenchmarkBoxInt200(b *testing.B) {
	for range b.N {
		sinkAny = n200
	}
}

func BenchmarkBoxInt255(b *testing.B) {
	for range b.N {
		sinkAny = n255
	}
}

func BenchmarkBoxInt256(b *testing.B) {
	for range b.N {
		sinkAny = n256
	}
}

func BenchmarkBoxString(b *testing.B) {
	for range b.N {
		sinkAny = str
	}
}

func BenchmarkBoxStruct16(b *testing.B) {
	for range b.N {
		sinkAny = pair
	}
}

func BenchmarkBoxPointer(b *testing.B) {
	p := &pair
	for range b.N {
		sinkAny = p
	}
}
