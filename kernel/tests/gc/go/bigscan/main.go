// bigscan: a pointer-heavy live set, 131072 16-byte cells reachable from one
// slice (2 MiB of cells, a 1 MiB array of pointers), and 1000000 allocations of
// 16-byte cells that replace slots (15 MiB of garbage): much scan work per byte
// allocated.
package main

import (
	"fmt"
	"runtime"
)

type cell struct {
	next *cell
	v    int
}

const (
	live  = 131072
	total = 1000000
)

var cells []*cell

func main() {
	cells = make([]*cell, live)
	var prev *cell
	for i := 0; i < live; i++ {
		c := &cell{next: prev, v: i}
		cells[i] = c
		prev = c
	}
	x := uint32(7)
	for i := 0; i < total; i++ {
		x = x*1664525 + 1013904223
		j := int(x>>15) % live
		cells[j] = &cell{next: cells[(j+1)%live], v: i}
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
