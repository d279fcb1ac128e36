package main

import "fmt"

// fmt.Println boxes each argument; the "... argument" slice itself stays.
func printIt(x int) {
	fmt.Println(x)
}

func printTwo(a, b int) {
	fmt.Println(a, b, "literal")
}

func main() {
	printIt(1)
	printTwo(2, 3)
}
