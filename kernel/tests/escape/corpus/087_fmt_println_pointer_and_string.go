package main

import "fmt"

type point struct {
	x, y int
}

// Printing a pointer makes the pointee escape.
func printPtr() {
	p := point{1, 2}
	fmt.Println(&p)
}

func printStr(s string) {
	fmt.Println(s)
}

func main() {
	printPtr()
	printStr("s")
}
