// gomem-env: GOGC=off GOMAXPROCS=1
package main

import (
	"fmt"
	"runtime"
)

var before, after runtime.MemStats
var keep [][]byte

func main() {
	keep = make([][]byte, 0, 64)
	sizes := []int{17, 24, 25, 33, 100, 129, 500, 513, 1025, 2049, 4000, 8193, 20000, 32760, 32761, 40000, 100000}
	for _, n := range sizes {
		runtime.ReadMemStats(&before)
		b := make([]byte, n)
		runtime.ReadMemStats(&after)
		keep = append(keep, b)
		fmt.Printf("make([]byte, %d): mallocs +%d, bytes +%d\n", n, after.Mallocs-before.Mallocs, after.TotalAlloc-before.TotalAlloc)
	}
}
