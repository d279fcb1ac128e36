package main

import "fmt"

func sumTo(n int) int {
	if n == 0 {
		return 0
	}
	var pad [8]int
	pad[n%8] = n
	return pad[n%8] + sumTo(n-1)
}

func depth(n int, acc []int) int {
	if n == 0 {
		return len(acc)
	}
	var buf [4]int
	buf[0] = n
	return depth(n-1, append(acc[:0], buf[0]))
}

func main() {
	for _, n := range []int{10, 1000, 100000, 1000000} {
		fmt.Println(n, sumTo(n))
	}
	fmt.Println(depth(50000, nil))
}
