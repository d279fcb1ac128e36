package main

import (
	"fmt"
	"runtime/debug"
)

func down(n int) int {
	if n == 0 {
		return 0
	}
	var pad [16]int
	pad[n%16] = n
	return down(n-1) + pad[n%16]
}

func main() {
	old := debug.SetMaxStack(1 << 20)
	fmt.Println("default max stack:", old)
	fmt.Println("1000 deep:", down(1000))
	fmt.Println("10 million deep:", down(10000000))
}
