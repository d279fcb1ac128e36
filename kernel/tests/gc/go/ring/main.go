// ring: a fixed live set of 8192 pointer-free 1 KiB objects (8 MiB) held by a
// global slice, then 262144 more 1 KiB allocations (256 MiB of garbage), each
// replacing one slot of the ring. The GC model in kernel/tests/runtime_gc.rs
// allocates exactly like this; scripts/golden-gc.sh records what real Go does.
package main

import (
	"fmt"
	"runtime"
)

const (
	liveObjects = 8192
	objectSize  = 1024
	allocations = 256 << 20 / objectSize
)

var ring [][]byte

func main() {
	ring = make([][]byte, liveObjects)
	for i := range ring {
		ring[i] = make([]byte, objectSize)
	}
	for i := 0; i < allocations; i++ {
		ring[i%liveObjects] = make([]byte, objectSize)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	// nonheap: mapped, ready memory that is neither heap objects nor free heap
	// pages (stacks, runtime metadata): the memory limit's "other" memory.
	fmt.Printf("numgc %d nonheap %d\n", ms.NumGC, ms.Sys-ms.HeapReleased-(ms.HeapIdle-ms.HeapReleased)-ms.HeapAlloc)
}
