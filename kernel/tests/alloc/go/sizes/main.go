// Golden generator: TotalAlloc/Mallocs/Frees deltas of ONE escaping allocation
// of n bytes, pointer-free (make([]byte, n)) and pointerful (make([]*int, ceil(n/8))).
// Run with GOMAXPROCS=1 GOGC=off. Everything is measured first and printed at
// the end, because printing allocates.
package main

import (
	"fmt"
	"runtime"
)

var sinkB []byte
var sinkP []*int

type row struct {
	kind             string
	n                int
	total, mal, free uint64
}

func sizes() []int {
	var s []int
	for n := 1; n <= 40; n++ {
		s = append(s, n)
	}
	return append(s, 48, 64, 80, 81, 100, 128, 500, 512, 513, 520, 1024, 1025, 4096, 32752, 32760, 32761, 32768, 40000, 1<<20)
}

func main() {
	ns := sizes()
	rows := make([]row, 0, 2*len(ns))
	var a, b runtime.MemStats
	for _, n := range ns {
		runtime.ReadMemStats(&a)
		sinkB = make([]byte, n)
		runtime.ReadMemStats(&b)
		rows = append(rows, row{"noscan", n, b.TotalAlloc - a.TotalAlloc, b.Mallocs - a.Mallocs, b.Frees - a.Frees})
	}
	lastK := 0
	for _, n := range ns {
		k := (n + 7) / 8
		if k == lastK {
			continue
		}
		lastK = k
		runtime.ReadMemStats(&a)
		sinkP = make([]*int, k)
		runtime.ReadMemStats(&b)
		rows = append(rows, row{"scan", k * 8, b.TotalAlloc - a.TotalAlloc, b.Mallocs - a.Mallocs, b.Frees - a.Frees})
	}
	fmt.Println("# kind size total_alloc mallocs frees (deltas of one allocation)")
	for _, r := range rows {
		fmt.Println(r.kind, r.n, r.total, r.mal, r.free)
	}
}
