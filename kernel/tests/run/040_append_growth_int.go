package main

import "fmt"

var global []int

func main() {
	// Escaping slice: every growth goes through the heap allocator.
	prev := -1
	for i := 0; i < 2000; i++ {
		global = append(global, i)
		if cap(global) != prev {
			fmt.Printf("len=%d cap=%d\n", len(global), cap(global))
			prev = cap(global)
		}
	}
}
