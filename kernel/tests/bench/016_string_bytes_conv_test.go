package main

import "testing"

// []byte <-> string conversions; the 32-byte runtime temp buffer.

var (
	sinkStr string
	sinkBs  []byte
	sinkHit int
	b8      = []byte("01234567")
	b32     = []byte("0123456789abcdef0123456789abcdef")
	b33     = []byte("0123456789abcdef0123456789abcdef!")
	s100    = string(make([]byte, 100))
	lookup  = map[string]int{"0123456789abcdef0123456789abcdef!": 1}
)

func BenchmarkStringFromBytes8(b *testing.B) {
	for range b.N {
		sinkStr = string(b8)
	}
}

func BenchmarkStringFromBytes33(b *testing.B) {
	for range b.N {
		sinkStr = string(b33)
	}
}

func BenchmarkBytesFromString100(b *testing.B) {
	for range b.N {
		sinkBs = []byte(s100)
	}
}

func BenchmarkMapLookupStringBytes(b *testing.B) {
	for range b.N {
		sinkHit += lookup[string(b33)]
	}
}

func BenchmarkLocalStringFromBytes32(b *testing.B) {
	for range b.N {
		s := string(b32)
		if s == "x" {
			sinkHit++
		}
	}
}

func BenchmarkLocalStringFromBytes33(b *testing.B) {
	for range b.N {
		s := string(b33)
		sinkHit += len(s)
		if s[0] == 'x' {
			sinkStr = s
		}
	}
}
