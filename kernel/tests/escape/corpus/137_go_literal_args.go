package main

import "sync"

var results [4]int

// A go statement with a literal taking arguments.
func fan() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(k int) {
			results[k] = k * k
			wg.Done()
		}(i)
	}
	wg.Wait()
}

func main() {
	fan()
	println(results[3])
}
