package main

import "fmt"

func main() {
	n := 3
	a := make([]int, n)
	fmt.Println(len(a))
	n -= 5
	b := make([]int, n)
	fmt.Println(len(b))
}
