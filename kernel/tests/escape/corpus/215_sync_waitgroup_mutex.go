package main

import "sync"

// A WaitGroup and Mutex captured by goroutine closures.
func countParallel(n int) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	count := 0
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			count++
			mu.Unlock()
		}()
	}
	wg.Wait()
	return count
}

func main() {
	println(countParallel(4))
}
