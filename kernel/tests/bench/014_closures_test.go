package main

import "testing"

// Closures: escaping vs non-escaping, capture by value vs by reference.

var sinkF func() int
var sinkN int

func apply(f func(int) int, v int) int { return f(v) }

func BenchmarkClosureNonEscaping(b *testing.B) {
	k := 3
	for i := range b.N {
		sinkN = apply(func(x int) int { return x + k }, i)
	}
}

func BenchmarkClosureEscapingByValue(b *testing.B) {
	for i := range b.N {
		v := i
		sinkF = func() int { return v }
	}
}

func BenchmarkClosureEscapingByRef(b *testing.B) {
	for range b.N {
		c := 0
		sinkF = func() int { c++; return c }
	}
}

func BenchmarkFuncLiteralNoCapture(b *testing.B) {
	for range b.N {
		sinkF = func() int { return 1 }
	}
}
