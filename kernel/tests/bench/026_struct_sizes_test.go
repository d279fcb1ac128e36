package main

import "testing"

// Struct sizes: noscan vs scan size classes.

type S24 struct{ a, b, c int64 }
type S40 struct{ a, b, c, d, e int64 }
type S48P struct {
	p          *int
	a, b, c, d int64
	s          string
}
type S520P struct {
	p    *int
	data [64]int64
}

var (
	sink24  *S24
	sink40  *S40
	sink48  *S48P
	sink520 *S520P
)

func BenchmarkNewS24(b *testing.B) {
	for range b.N {
		sink24 = new(S24)
	}
}

func BenchmarkNewS40(b *testing.B) {
	for range b.N {
		sink40 = new(S40)
	}
}

func BenchmarkNewS48Pointers(b *testing.B) {
	for range b.N {
		sink48 = new(S48P)
	}
}

func BenchmarkNewS520Pointers(b *testing.B) {
	for range b.N {
		sink520 = new(S520P)
	}
}
