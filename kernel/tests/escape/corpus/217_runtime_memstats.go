package main

import "runtime"

var sinkU uint64

// ReadMemStats takes a pointer to a large local struct.
func heapAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func main() {
	sinkU = heapAlloc()
}
