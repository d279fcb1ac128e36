package main

import "testing"

// Append n ints one by one to a nil slice that escapes (growth sequence 1,2,4,8,...).

var sinkInts []int

func BenchmarkAppend1Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 1 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend2Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 2 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend3Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 3 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend4Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 4 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend5Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 5 {
			s = append(s, i)
		}
		sinkInts = s
	}
}

func BenchmarkAppend8Ints(b *testing.B) {
	for range b.N {
		var s []int
		for i := range 8 {
			s = append(s, i)
		}
		sinkInts = s
	}
}
