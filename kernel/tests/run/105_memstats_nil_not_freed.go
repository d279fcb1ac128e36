// gomem-env: GOGC=off GOMAXPROCS=1
package main

import (
	"fmt"
	"runtime"
)

var ms runtime.MemStats
var big []*[1024]byte

func heapObjects() uint64 {
	runtime.ReadMemStats(&ms)
	return ms.HeapObjects
}

func main() {
	big = make([]*[1024]byte, 1000)
	for i := range big {
		big[i] = new([1024]byte)
	}
	withData := heapObjects()
	big = nil
	afterNil := heapObjects()
	fmt.Println("objects unchanged after big = nil:", afterNil == withData)
	runtime.GC()
	afterGC := heapObjects()
	fmt.Println("at least 1000 objects freed by GC:", withData-afterGC >= 1000)
	fmt.Println("myth refuted: setting to nil does not free memory; the GC does")
}
