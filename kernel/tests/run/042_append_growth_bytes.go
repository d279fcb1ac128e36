package main

import "fmt"

var sink []byte

func main() {
	prev := -1
	for i := 0; i < 5000; i++ {
		sink = append(sink, byte(i))
		if cap(sink) != prev {
			fmt.Print(cap(sink), " ")
			prev = cap(sink)
		}
	}
	fmt.Println()
	var s []byte
	s = append(s, "hello, world"...)
	fmt.Println(len(s), cap(s))
	sink = s
}
