package main

import "sync"

func worker(p *int, wg *sync.WaitGroup) {
	*p++
	wg.Done()
}

// A go statement with a named function: a gowrap closure is made.
func goNamed() int {
	x := 0
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(&x, &wg)
	wg.Wait()
	return x
}

func main() {
	println(goNamed())
}
