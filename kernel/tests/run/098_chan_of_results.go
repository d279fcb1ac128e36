package main

import (
	"errors"
	"fmt"
)

type Result struct {
	N   int
	Err error
}

func compute(n int) Result {
	if n%4 == 3 {
		return Result{n, errors.New(fmt.Sprint("bad input ", n))}
	}
	return Result{n * 100, nil}
}

func main() {
	chans := make([]chan Result, 8)
	for i := range chans {
		chans[i] = make(chan Result, 1)
		go func() { chans[i] <- compute(i) }()
	}
	for i, c := range chans {
		r := <-c
		fmt.Printf("%d: %+v\n", i, r)
	}
	reply := make(chan chan int)
	go func() {
		for rc := range reply {
			rc <- 7
		}
	}()
	for range 3 {
		rc := make(chan int)
		reply <- rc
		fmt.Print(<-rc, " ")
	}
	close(reply)
	fmt.Println()
}
