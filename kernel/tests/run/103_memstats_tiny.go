// gomem-env: GOGC=off GOMAXPROCS=1
package main

import (
	"fmt"
	"runtime"
)

var before, after runtime.MemStats
var small []*int32
var bytes8 []*[8]byte
var ptrs []**int

func main() {
	small = make([]*int32, 0, 1000)
	bytes8 = make([]*[8]byte, 0, 1000)
	ptrs = make([]**int, 0, 1000)
	runtime.ReadMemStats(&before)
	for range 1000 {
		small = append(small, new(int32))
	}
	runtime.ReadMemStats(&after)
	fmt.Println("1000 x new(int32): mallocs", after.Mallocs-before.Mallocs, "heap objects", int64(after.HeapObjects-before.HeapObjects) <= 250)
	runtime.ReadMemStats(&before)
	for range 1000 {
		bytes8 = append(bytes8, new([8]byte))
	}
	runtime.ReadMemStats(&after)
	fmt.Println("1000 x new([8]byte): mallocs", after.Mallocs-before.Mallocs, "bytes <= 8016:", after.TotalAlloc-before.TotalAlloc <= 8016)
	runtime.ReadMemStats(&before)
	for range 1000 {
		ptrs = append(ptrs, new(*int))
	}
	runtime.ReadMemStats(&after)
	fmt.Println("1000 x new(*int): mallocs", after.Mallocs-before.Mallocs, "bytes", after.TotalAlloc-before.TotalAlloc, "objects", after.HeapObjects-before.HeapObjects)
}
