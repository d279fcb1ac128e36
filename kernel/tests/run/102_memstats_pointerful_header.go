// gomem-env: GOGC=off GOMAXPROCS=1
package main

import (
	"fmt"
	"runtime"
)

var before, after runtime.MemStats
var keepP [][]*int
var keepI [][]int

func main() {
	for _, n := range []int{1, 2, 3, 16, 63, 64, 65, 66, 127, 128, 129} {
		runtime.ReadMemStats(&before)
		p := make([]*int, n)
		runtime.ReadMemStats(&after)
		keepP = append(keepP, p)
		pb := after.TotalAlloc - before.TotalAlloc
		runtime.ReadMemStats(&before)
		q := make([]int, n)
		runtime.ReadMemStats(&after)
		keepI = append(keepI, q)
		fmt.Printf("n=%3d bytes=%4d pointers:%4d ints:%4d\n", n, n*8, pb, after.TotalAlloc-before.TotalAlloc)
	}
}
