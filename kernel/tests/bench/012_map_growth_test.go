package main

import "testing"

// Map growth: escaping maps with 1, 8, 9, 100 entries; local maps 8 and 9.

var sinkMap map[int]int
var sinkLen int

func fillLocal(n int) int {
	m := make(map[int]int)
	for i := range n {
		m[i] = i
	}
	return len(m)
}

func BenchmarkMapEscaping1(b *testing.B) {
	for range b.N {
		m := make(map[int]int)
		m[0] = 0
		sinkMap = m
	}
}

func BenchmarkMapEscaping8(b *testing.B) {
	for range b.N {
		m := make(map[int]int)
		for i := range 8 {
			m[i] = i
		}
		sinkMap = m
	}
}

func BenchmarkMapEscaping9(b *testing.B) {
	for range b.N {
		m := make(map[int]int)
		for i := range 9 {
			m[i] = i
		}
		sinkMap = m
	}
}

func BenchmarkMapEscaping100(b *testing.B) {
	for range b.N {
		m := make(map[int]int)
		for i := range 100 {
			m[i] = i
		}
		sinkMap = m
	}
}

func BenchmarkMapLocal8(b *testing.B) {
	for range b.N {
		sinkLen = fillLocal(8)
	}
}

func BenchmarkMapLocal9(b *testing.B) {
	for range b.N {
		sinkLen = fillLocal(9)
	}
}
