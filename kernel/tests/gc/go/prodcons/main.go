// prodcons: a producer goroutine sends 400000 fresh 512-byte buffers over a
// buffered channel; the consumer (main) keeps the last 8192 in a ring (4 MiB
// live, 200 MiB of garbage). Two goroutines, so both Ps are busy.
package main

import (
	"fmt"
	"runtime"
)

const (
	live  = 8192
	total = 400000
)

var ring [][]byte

func produce(c chan []byte) {
	for i := 0; i < total; i++ {
		b := make([]byte, 512)
		b[0] = byte(i)
		c <- b
	}
	close(c)
}

func main() {
	ring = make([][]byte, live)
	c := make(chan []byte, 64)
	go produce(c)
	i := 0
	for b := range c {
		ring[i%live] = b
		i++
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
