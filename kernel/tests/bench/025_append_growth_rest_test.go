package main

import "testing"

// Append growth for the remaining n in 1..20.

var sinkInts []int

func BenchmarkAppend6Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 6 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend7Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 7 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend10Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 10 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend12Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 12 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend15Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 15 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend18Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 18 {
			s = append(s, i)
		}
		sinkInts = s
	}
}
