package main

import "fmt"

// A defer of a named function with an argument.
func deferPrint(x int) {
	defer fmt.Println(x)
}

func cleanup(p *int) {
	*p = 0
}

func deferCleanup() int {
	v := 5
	defer cleanup(&v)
	return v
}

func main() {
	deferPrint(1)
	println(deferCleanup())
}
