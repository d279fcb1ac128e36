package main

import "sync"

var total int

// A closure started as a goroutine always escapes.
func spawn(n int) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}()
	}
	wg.Wait()
}

func main() {
	spawn(3)
	println(total)
}
