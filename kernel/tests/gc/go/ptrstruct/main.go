// ptrstruct: 512-byte objects whose first half is 32 pointers, so marking scans
// 256 bytes of each: a ring of 8192 (4 MiB) live and 300000 more allocations
// (146 MiB of garbage).
package main

import (
	"fmt"
	"runtime"
)

type blob struct {
	ptrs [32]*int
	data [32]int
}

const (
	live  = 8192
	total = 300000
)

var (
	ring   []*blob
	shared int
)

func main() {
	ring = make([]*blob, live)
	for i := 0; i < live+total; i++ {
		b := &blob{}
		b.ptrs[i%32] = &shared
		b.data[0] = i
		ring[i%live] = b
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
