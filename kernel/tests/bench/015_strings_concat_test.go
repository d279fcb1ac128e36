package main

import (
	"fmt"
	"strings"
	"testing"
)

// String building: concatenation, += in a loop, fmt.Sprintf, strings.Builder.

var (
	sinkS  string
	partA  = "hello, "
	partB  = "world"
	partC  = "!!"
	number = 12345
)

func BenchmarkConcat2(b *testing.B) {
	for range b.N {
		sinkS = partA + partB
	}
}

func BenchmarkConcat3(b *testing.B) {
	for range b.N {
		sinkS = partA + partB + partC
	}
}

func BenchmarkPlusEqualsLoop10(b *testing.B) {
	for range b.N {
		s := ""
		for range 10 {
			s += partB
		}
		sinkS = s
	}
}

func BenchmarkSprintfInt(b *testing.B) {
	for range b.N {
		sinkS = fmt.Sprintf("n=%d", number)
	}
}

func BenchmarkBuilderNoGrow(b *testing.B) {
	for range b.N {
		var sb strings.Builder
		for range 10 {
			sb.WriteString(partB)
		}
		sinkS = sb.String()
	}
}

func BenchmarkBuilderGrow(b *testing.B) {
	for range b.N {
		var sb strings.Builder
		sb.Grow(50)
		for range 10 {
			sb.WriteString(partB)
		}
		sinkS = sb.String()
	}
}
