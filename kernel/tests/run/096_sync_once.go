package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
	calls  int
)

func load() {
	calls++
	config = map[string]string{"env": "test", "mode": "fast"}
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := 0
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(load)
			mu.Lock()
			seen += len(config)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(calls, seen, config)
	once.Do(func() { fmt.Println("never printed") })
}
