package main

import "testing"

// Append growth for larger n.

var sinkInts []int

func BenchmarkAppend9Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 9 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend16Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 16 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend17Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 17 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend20Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 20 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend100Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 100 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend1000Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 1000 {
			s = append(s, i)
		}
		sinkInts = s
	}
}
