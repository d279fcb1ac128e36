package main

import "fmt"

func forever(n int) int {
	var pad [10]int
	pad[n%10] = n
	return forever(n+1) + pad[0]
}

func main() {
	fmt.Println("recursing without a base case")
	fmt.Println(forever(0))
}
