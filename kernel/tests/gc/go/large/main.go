// large: large pointer-free objects (128 KiB, each its own span): a ring of 48
// (6 MiB) live, then 2000 more (250 MiB of garbage). Few allocations, each one
// expensive to zero.
package main

import (
	"fmt"
	"runtime"
)

const (
	live  = 48
	size  = 128 << 10
	total = 2000
)

var ring [][]byte

func main() {
	ring = make([][]byte, live)
	for i := 0; i < live; i++ {
		ring[i] = make([]byte, size)
	}
	for i := 0; i < total; i++ {
		ring[i%live] = make([]byte, size)
	}
	report()
}

// report prints NumGC and the mapped memory that is neither heap objects nor
// free heap pages (stacks, runtime metadata): the memory limit's "other" memory.
func report() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("numgc %d nonheap %d\n", ms.NumGC, ms.Sys-ms.HeapReleased-(ms.HeapIdle-ms.HeapReleased)-ms.HeapAlloc)
}
