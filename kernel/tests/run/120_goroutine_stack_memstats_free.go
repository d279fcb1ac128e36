// gomem-env: GOGC=off GOMAXPROCS=1
package main

import (
	"fmt"
	"runtime"
)

var before, after runtime.MemStats

func main() {
	done := make(chan int)
	runtime.ReadMemStats(&before)
	go func() {
		x := 0
		for i := range 100 {
			x += i
		}
		done <- x
	}()
	v := <-done
	runtime.ReadMemStats(&after)
	fmt.Println("result", v)
	fmt.Println("goroutine stack is not a heap object: heap mallocs +", after.Mallocs-before.Mallocs)
}
