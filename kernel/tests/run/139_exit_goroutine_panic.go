package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("main starts")
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var s []string
		fmt.Println(s[3])
	}()
	wg.Wait()
	fmt.Println("not reached")
}
