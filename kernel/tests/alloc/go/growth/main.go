// Golden generator: how HeapSys grows. 100 MiB allocated (a) as 100 objects of
// 1 MiB, (b) as one 100 MiB object, (c) as 102400 pointer-free 1 KiB objects.
// Prints every HeapSys step (the heap grows in multiples of a 4 MiB palloc chunk)
// and the TotalAlloc/Mallocs deltas. The absolute starting HeapSys depends on
// what the runtime allocated before main, so only deltas and step sizes are printed.
// Run with GOMAXPROCS=1 GOGC=off.
package main

import (
	"fmt"
	"runtime"
)

var keep [][]byte

func run(name string, n, size int) []string {
	var out []string
	var a, b, prev runtime.MemStats
	runtime.ReadMemStats(&a)
	prev = a
	steps := make([]uint64, 0, 64)
	for i := 0; i < n; i++ {
		keep[i] = make([]byte, size)
		if size >= 1<<20 || i%128 == 127 {
			runtime.ReadMemStats(&b)
			if b.HeapSys != prev.HeapSys {
				steps = append(steps, b.HeapSys-prev.HeapSys)
			}
			prev = b
		}
	}
	runtime.ReadMemStats(&b)
	if b.HeapSys != prev.HeapSys {
		steps = append(steps, b.HeapSys-prev.HeapSys)
	}
	out = append(out, fmt.Sprintf("%s total_alloc=%d mallocs=%d", name, b.TotalAlloc-a.TotalAlloc, b.Mallocs-a.Mallocs))
	all4 := true
	for _, s := range steps {
		if s%(4<<20) != 0 {
			all4 = false
		}
	}
	out = append(out, fmt.Sprintf("%s heapsys_steps_multiple_of_4MiB=%v", name, all4))
	// The number of steps is NOT deterministic: the runtime randomizes the heap
	// base (randomizedheapbase64) by marking a random number of pages as padding,
	// which changes how much free space is left before main. Print only the
	// distinct step sizes and whether the total growth is within one chunk of 100 MiB.
	var total uint64
	for _, s := range steps {
		total += s
	}
	out = append(out, fmt.Sprintf("%s heapsys_distinct_steps_MiB=%v", name, distinct(mib(steps))))
	out = append(out, fmt.Sprintf("%s heapsys_growth_within_4MiB_of_100MiB=%v", name, total <= 100<<20 && total >= 96<<20))
	return out
}

func main() {
	keep = make([][]byte, 102400)
	var lines []string
	lines = append(lines, run("1MiBx100", 100, 1<<20)...)
	keep = make([][]byte, 102400)
	lines = append(lines, run("100MiBx1", 1, 100<<20)...)
	keep = make([][]byte, 102400)
	lines = append(lines, run("1KiBx102400", 102400, 1024)...)
	for _, l := range lines {
		fmt.Println(l)
	}
}

func distinct(xs []uint64) []uint64 {
	var r []uint64
	for _, x := range xs {
		found := false
		for _, y := range r {
			found = found || x == y
		}
		if !found {
			r = append(r, x)
		}
	}
	return r
}

func mib(steps []uint64) []uint64 {
	r := make([]uint64, len(steps))
	for i, s := range steps {
		r[i] = s >> 20
	}
	return r
}
