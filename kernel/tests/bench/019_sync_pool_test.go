package main

import (
	"sync"
	"testing"
)

// sync.Pool reuse: after the first Get, buffers are recycled.

var pool = sync.Pool{New: func() any {
	b := make([]byte, 1024)
	return &b
}}

var sinkByte byte

func BenchmarkPoolGetPut(b *testing.B) {
	for range b.N {
		bp := pool.Get().(*[]byte)
		(*bp)[0]++
		sinkByte = (*bp)[0]
		pool.Put(bp)
	}
}

func BenchmarkNoPool(b *testing.B) {
	for range b.N {
		buf := make([]byte, 1024)
		buf[0]++
		sinkBuf = buf
	}
}

var sinkBuf []byte
