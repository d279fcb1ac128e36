package main

import (
	"fmt"
	"testing"
)

func main() {
	fmt.Printf("make(chan int) local: %.0f\n", testing.AllocsPerRun(100, func() {
		c := make(chan int)
		_ = c
	}))
	fmt.Printf("make(chan int, 1) local: %.0f\n", testing.AllocsPerRun(100, func() {
		c := make(chan int, 1)
		c <- 1
		<-c
	}))
	fmt.Printf("make(chan *int, 4) local: %.0f\n", testing.AllocsPerRun(100, func() {
		c := make(chan *int, 4)
		_ = len(c)
	}))
	fmt.Printf("make(chan struct{}) local: %.0f\n", testing.AllocsPerRun(100, func() {
		c := make(chan struct{})
		_ = c
	}))
	fmt.Println("myth refuted: channels never live on the stack")
}
