package main

import "sync"

func fill(dst []int, i int, wg *sync.WaitGroup) {
	defer wg.Done()
	dst[i] = i
}

// Several named-function goroutines sharing a slice.
func parallel(n int) int {
	out := make([]int, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go fill(out, i, &wg)
	}
	wg.Wait()
	return len(out)
}

func main() {
	println(parallel(3))
}
