package main

import "fmt"

var sinkStr string

// Sprint in a loop boxes the loop variable each iteration.
func joinNums(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += fmt.Sprint(i)
	}
	return s
}

func main() {
	sinkStr = joinNums(3)
}
