package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("start:", runtime.NumGoroutine())
	release := make(chan struct{})
	var started, finished sync.WaitGroup
	for range 5 {
		started.Add(1)
		finished.Add(1)
		go func() {
			defer finished.Done()
			started.Done()
			<-release
		}()
	}
	started.Wait()
	fmt.Println("blocked:", runtime.NumGoroutine())
	close(release)
	finished.Wait()
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	fmt.Println("after:", runtime.NumGoroutine())
	done := make(chan int)
	go func() { done <- runtime.NumGoroutine() }()
	fmt.Println("inside one:", <-done)
	fmt.Println("NumCPU>0:", runtime.NumCPU() > 0)
}
