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
		// No deferred Done: main must not wake up before the panic ends the program
		// (with it, whether "not reached" prints first would be a race).
		var s []string
		fmt.Println(s[3])
	}()
	wg.Wait()
	fmt.Println("not reached")
}
