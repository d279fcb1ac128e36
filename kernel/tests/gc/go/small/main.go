// small: a fixed live set of 65536 pointer-free 64-byte objects (4 MiB) held by
// a global slice, then 786432 more 64-byte allocations (48 MiB of garbage), each
// replacing one slot: many cheap allocations, little scan work.
package main

import (
	"fmt"
	"runtime"
)

const (
	live  = 65536
	size  = 64
	total = 786432
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
