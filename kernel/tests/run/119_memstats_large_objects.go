// gomem-env: GOGC=off GOMAXPROCS=1
package main

import (
	"fmt"
	"runtime"
)

var before, after runtime.MemStats
var keep [][]byte

func main() {
	keep = make([][]byte, 0, 16)
	for _, kb := range []int{32, 33, 64, 100, 1000} {
		runtime.ReadMemStats(&before)
		b := make([]byte, kb*1024)
		runtime.ReadMemStats(&after)
		keep = append(keep, b)
		d := after.TotalAlloc - before.TotalAlloc
		fmt.Printf("%5d KiB: +%d bytes = %d pages, heap objects +%d\n", kb, d, d/8192, after.HeapObjects-before.HeapObjects)
	}
}
