package main

import "fmt"

func main() {
	s := make([]byte, 4, 8)
	hi := 10
	fmt.Println(len(s[:8]))
	fmt.Println(len(s[2:hi]))
}
