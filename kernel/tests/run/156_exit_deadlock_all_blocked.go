package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	a, b := make(chan int), make(chan int)
	go func() {
		<-a
		b <- 1
	}()
	mu.Lock()
	fmt.Println("main and goroutine wait on each other")
	<-b
	a <- 1
}
