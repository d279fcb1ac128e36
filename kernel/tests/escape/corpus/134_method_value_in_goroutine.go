package main

import "sync"

type job struct {
	n int
}

func (j *job) run(wg *sync.WaitGroup) {
	j.n++
	wg.Done()
}

// Starting a method as a goroutine.
func start() int {
	var wg sync.WaitGroup
	j := &job{}
	wg.Add(1)
	go j.run(&wg)
	wg.Wait()
	return j.n
}

func main() {
	println(start())
}
