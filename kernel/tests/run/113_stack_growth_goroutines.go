package main

import (
	"fmt"
	"sync"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func chain(n int) int {
	var local [16]byte
	local[n%16] = byte(n)
	if n == 0 {
		return 0
	}
	return chain(n-1) + int(local[n%16]&1)
}

func main() {
	const g = 50
	out := make([]int, g)
	var wg sync.WaitGroup
	for i := range g {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = chain(1000*(i+1)) + fib(15)
		}()
	}
	wg.Wait()
	fmt.Println(out[0], out[9], out[49])
	total := 0
	for _, v := range out {
		total += v
	}
	fmt.Println(total)
}
