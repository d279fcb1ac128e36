// cost: what one make([]byte, size) costs in real Go (ns per allocation, best of
// three passes over 256 MiB, an 8 MiB live ring), and an empty loop iteration. The
// allocation numbers of CostModel (kernel/src/runtime/gc/mod.rs) come from this program
// run with GOMAXPROCS=2 on the machine that made the goldens. With an argument, GOGC=off.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"time"
)

var ring [][]byte
var pring []*[8]*int

func main() {
	if len(os.Args) > 1 {
		debug.SetGCPercent(-1)
	}
	for _, size := range []int{16, 64, 256, 1024, 4096, 16384, 32768, 131072} {
		n := (8 << 20) / size
		ring = make([][]byte, n)
		for i := range ring {
			ring[i] = make([]byte, size)
		}
		total := (256 << 20) / size
		if total < 4*n {
			total = 4 * n
		}
		best := time.Hour
		for rep := 0; rep < 3; rep++ {
			t := time.Now()
			for i := 0; i < total; i++ {
				ring[i%n] = make([]byte, size)
			}
			if d := time.Since(t); d < best {
				best = d
			}
		}
		fmt.Printf("size %6d  %7.1f ns/alloc  %.3f ns/B\n", size, float64(best.Nanoseconds())/float64(total), float64(best.Nanoseconds())/float64(total)/float64(size))
	}
	// empty loop cost
	t := time.Now()
	s := 0
	for i := 0; i < 100000000; i++ {
		s += i % 7
	}
	fmt.Println("loop", float64(time.Since(t).Nanoseconds())/1e8, s > 0)
}
