package main

import "testing"

// Tiny allocator: pointer-free objects < 16 B share 16-byte blocks.

var (
	sinkI64  *int64
	sinkI32  *int32
	sinkI16  *int16
	sinkB    []byte
	sinkPtr  **int
	sinkStrs [3]*int16
)

func BenchmarkNewInt64(b *testing.B) {
	for range b.N {
		sinkI64 = new(int64)
	}
}

func BenchmarkNewInt32(b *testing.B) {
	for range b.N {
		sinkI32 = new(int32)
	}
}

func BenchmarkMakeBytes1(b *testing.B) {
	for range b.N {
		sinkB = make([]byte, 1)
	}
}

func BenchmarkThreeInt16PerOp(b *testing.B) {
	for range b.N {
		sinkStrs[0] = new(int16)
		sinkStrs[1] = new(int16)
		sinkStrs[2] = new(int16)
	}
}

func BenchmarkNewPointerNotTiny(b *testing.B) {
	for range b.N {
		sinkPtr = new(*int)
	}
}

func BenchmarkInt64AndInt32PerOp(b *testing.B) {
	for range b.N {
		sinkI64 = new(int64)
		sinkI32 = new(int32)
	}
}
