package main

import (
	"fmt"
	"sync"
)

// A worker pool: jobs in, results out, WaitGroup to finish.
func process(jobs []int, workers int) int {
	in := make(chan int)
	out := make(chan int, len(jobs))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				out <- j * j
			}
		}()
	}
	for _, j := range jobs {
		in <- j
	}
	close(in)
	wg.Wait()
	close(out)
	total := 0
	for r := range out {
		total += r
	}
	return total
}

func main() {
	fmt.Println(process([]int{1, 2, 3}, 2))
}
