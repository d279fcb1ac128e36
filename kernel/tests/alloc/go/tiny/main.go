// Golden generator: the tiny allocator. For each size n in 1..=16, COUNT
// escaping pointer-free allocations of n bytes made back to back (after a
// ReadMemStats, which flushes the mcache and so drops the current tiny block),
// reported as TotalAlloc/Mallocs/Frees deltas. Also mixed sequences.
// Run with GOMAXPROCS=1 GOGC=off.
package main

import (
	"fmt"
	"runtime"
)

var sink [64][]byte

type row struct {
	name             string
	total, mal, free uint64
}

func main() {
	rows := make([]row, 0, 64)
	names := make([]string, 0, 64)
	for n := 1; n <= 16; n++ {
		names = append(names, fmt.Sprintf("size=%d count=16", n))
	}
	mixes := [][]int{
		{1, 8, 1, 8},
		{3, 4, 2, 8, 1},
		{12, 12, 12},
		{8, 8, 8, 8, 8},
		{15, 1, 15, 1},
		{7, 9, 4, 4, 2, 2, 1},
	}
	for _, m := range mixes {
		names = append(names, fmt.Sprintf("mix=%v", m))
	}
	var a, b runtime.MemStats
	for n := 1; n <= 16; n++ {
		runtime.ReadMemStats(&a)
		for i := 0; i < 16; i++ {
			sink[i] = make([]byte, n)
		}
		runtime.ReadMemStats(&b)
		rows = append(rows, row{names[n-1], b.TotalAlloc - a.TotalAlloc, b.Mallocs - a.Mallocs, b.Frees - a.Frees})
	}
	for j, m := range mixes {
		runtime.ReadMemStats(&a)
		for i, n := range m {
			sink[i] = make([]byte, n)
		}
		runtime.ReadMemStats(&b)
		rows = append(rows, row{names[16+j], b.TotalAlloc - a.TotalAlloc, b.Mallocs - a.Mallocs, b.Frees - a.Frees})
	}
	fmt.Println("# sequence total_alloc mallocs frees (deltas)")
	for _, r := range rows {
		fmt.Printf("%s %d %d %d\n", r.name, r.total, r.mal, r.free)
	}
}
