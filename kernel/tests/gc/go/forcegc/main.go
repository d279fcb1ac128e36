// forcegc: three phases of 64 MiB of 1 KiB pointer-free garbage over a 4 MiB
// live ring; between phases runtime.GC() forces a cycle and
// debug.SetGCPercent changes GOGC to 50, then to 200.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

const (
	live  = 4096
	phase = 65536
)

var ring [][]byte

func churn() {
	for i := 0; i < phase; i++ {
		ring[i%live] = make([]byte, 1024)
	}
}

func main() {
	ring = make([][]byte, live)
	churn()
	runtime.GC()
	debug.SetGCPercent(50)
	churn()
	runtime.GC()
	debug.SetGCPercent(200)
	churn()
	report()
}

// report prints NumGC and the mapped memory that is neither heap objects nor
// free heap pages (stacks, runtime metadata): the memory limit's "other" memory.
func report() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("numgc %d nonheap %d\n", ms.NumGC, ms.Sys-ms.HeapReleased-(ms.HeapIdle-ms.HeapReleased)-ms.HeapAlloc)
}
