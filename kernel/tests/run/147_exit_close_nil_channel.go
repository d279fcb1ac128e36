package main

import "fmt"

func main() {
	var ch chan string
	fmt.Println("nil channel:", ch == nil, len(ch), cap(ch))
	fmt.Println("closing a nil channel")
	close(ch)
}
