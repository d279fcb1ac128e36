package main

import "sync"

var pool = sync.Pool{
	New: func() any {
		b := make([]byte, 0, 1024)
		return &b
	},
}

// Getting and putting buffers from a sync.Pool.
func useBuffer(s string) int {
	bp := pool.Get().(*[]byte)
	b := append((*bp)[:0], s...)
	n := len(b)
	*bp = b
	pool.Put(bp)
	return n
}

func main() {
	println(useBuffer("hello"))
}
