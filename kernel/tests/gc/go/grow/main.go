// grow: eight rounds of appending 24576 fresh 256-byte buffers to a slice that
// grows from nil (6 MiB at the end of a round, its backing array reallocated as
// it grows), then dropping it all: a live heap that rises and falls.
package main

import (
	"fmt"
	"runtime"
)

const (
	rounds = 8
	per    = 24576
)

var held [][]byte

func main() {
	for r := 0; r < rounds; r++ {
		held = nil
		for i := 0; i < per; i++ {
			held = append(held, make([]byte, 256))
		}
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
