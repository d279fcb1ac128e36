package main

import (
	"errors"
	"fmt"
	"testing"
)

// fmt formatting costs (boxing of arguments plus the result string).

var (
	sinkFmt string
	sinkErr error
	small   = 42
	large   = 1000
	word    = "gopher"
	base    = errors.New("base")
)

func BenchmarkSprintfSmallInt(b *testing.B) {
	for range b.N {
		sinkFmt = fmt.Sprintf("%d", small)
	}
}

func BenchmarkSprintfLargeInt(b *testing.B) {
	for range b.N {
		sinkFmt = fmt.Sprintf("%d", large)
	}
}

func BenchmarkSprintString(b *testing.B) {
	for range b.N {
		sinkFmt = fmt.Sprint(word)
	}
}

type opError struct {
	op  string
	err error
}

func (e *opError) Error() string { return e.op + ": " + e.err.Error() }

// fmt.Errorf("op: %w", base) is NOT in the corpus: its B/op varies between
// runs (40 or 41) because fmt's sync.Pool of printers is not deterministic.
func BenchmarkCustomErrorWrap(b *testing.B) {
	for range b.N {
		sinkErr = &opError{"op", base}
	}
}

func BenchmarkErrorsNew(b *testing.B) {
	for range b.N {
		sinkErr = errors.New("x")
	}
}
