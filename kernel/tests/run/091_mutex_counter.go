package main

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key]++
}

func main() {
	c := SafeCounter{m: map[string]int{}}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				c.Inc(fmt.Sprint("k", (g+i)%3))
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.m)
	var rw sync.RWMutex
	total := 0
	var wg2 sync.WaitGroup
	for i := range 50 {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			rw.Lock()
			total += i
			rw.Unlock()
		}()
	}
	wg2.Wait()
	rw.RLock()
	fmt.Println(total)
	rw.RUnlock()
}
