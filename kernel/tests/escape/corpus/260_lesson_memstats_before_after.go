package main

import (
	"fmt"
	"runtime"
)

var sink []*[64]byte

// Measure heap growth around an allocation loop.
func allocate(n int) {
	for i := 0; i < n; i++ {
		sink = append(sink, new([64]byte))
	}
}

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	allocate(100)
	runtime.ReadMemStats(&after)
	fmt.Println(after.Mallocs-before.Mallocs > 0)
}
