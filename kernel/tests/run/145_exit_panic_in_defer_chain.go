package main

import "fmt"

func main() {
	defer fmt.Println("outer deferred print")
	defer func() {
		panic("second")
	}()
	panic("first")
}
