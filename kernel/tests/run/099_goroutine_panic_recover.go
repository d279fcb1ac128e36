package main

import (
	"fmt"
	"sync"
)

func safeGo(wg *sync.WaitGroup, errs []string, i int, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				errs[i] = fmt.Sprint("goroutine ", i, " panicked: ", r)
			}
		}()
		f()
		errs[i] = fmt.Sprint("goroutine ", i, " ok")
	}()
}

func main() {
	var wg sync.WaitGroup
	errs := make([]string, 4)
	for i := range 4 {
		safeGo(&wg, errs, i, func() {
			if i%2 == 1 {
				var m map[int]int
				m[i] = i
			}
		})
	}
	wg.Wait()
	for _, e := range errs {
		fmt.Println(e)
	}
}
