// mixed: pointer-free objects of sizes 16 B to 4 KiB chosen by a fixed
// pseudo-random sequence, in a ring of 4096 slots (about 3 MiB live), 400000
// allocations (about 300 MiB of garbage).
package main

import (
	"fmt"
	"runtime"
)

var sizes = [8]int{16, 32, 64, 128, 256, 512, 1024, 4096}

const (
	live  = 4096
	total = 400000
)

var ring [][]byte

func main() {
	ring = make([][]byte, live)
	x := uint32(1)
	for i := 0; i < live+total; i++ {
		x = x*1664525 + 1013904223
		ring[i%live] = make([]byte, sizes[x>>29])
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
