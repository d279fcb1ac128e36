// gomem-env: GOGC=off GOMAXPROCS=1
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var ms runtime.MemStats
var garbage []byte

func main() {
	runtime.ReadMemStats(&ms)
	start := ms.NumGC
	for range 1000 {
		garbage = make([]byte, 10000)
	}
	runtime.ReadMemStats(&ms)
	fmt.Println("GCs with GOGC=off after 10 MB garbage:", ms.NumGC-start)
	runtime.GC()
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("after 3 runtime.GC():", ms.NumGC-start)
	old := debug.SetGCPercent(50)
	fmt.Println("previous GC percent:", old)
	old = debug.SetGCPercent(-1)
	fmt.Println("previous GC percent:", old)
	fmt.Println("forced GCs:", ms.NumForcedGC)
}
