// strs: strings built by concatenation and conversion: a ring of 16384 strings
// of 96 bytes (about 1.5 MiB) and 400000 more (37 MiB of garbage).
package main

import (
	"fmt"
	"runtime"
)

const (
	live  = 16384
	total = 400000
)

var ring []string

func main() {
	ring = make([]string, live)
	base := make([]byte, 64)
	for i := range base {
		base[i] = 'a' + byte(i%26)
	}
	tail := "0123456789abcdef0123456789abcdef"
	for i := 0; i < live+total; i++ {
		base[i%64] = 'A' + byte(i%26)
		ring[i%live] = string(base) + tail
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
