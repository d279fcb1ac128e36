package main

import (
	"fmt"
	"sync"
)

func square(i int) int { return i * i }

func main() {
	const n = 10
	results := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = square(i)
		}()
	}
	wg.Wait()
	fmt.Println(results)
	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println("sum", sum)
}
