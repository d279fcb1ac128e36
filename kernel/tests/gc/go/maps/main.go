// maps: a map from int to 200-byte pointer-free values that holds a sliding
// window of 16384 keys (about 4 MiB with the table) while 300000 keys are
// inserted and the oldest deleted: the map's own memory and its values.
package main

import (
	"fmt"
	"runtime"
)

const (
	window = 16384
	total  = 300000
)

var m map[int][]byte

func main() {
	m = make(map[int][]byte)
	for i := 0; i < total; i++ {
		m[i] = make([]byte, 200)
		if i >= window {
			delete(m, i-window)
		}
	}
	if len(m) != window {
		panic("bad map")
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
