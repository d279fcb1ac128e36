package main

import "strings"

var sinkStr string

// strings.Builder in a loop: the builder itself stays local.
func build(n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		sb.WriteString("ab")
		sb.WriteByte(' ')
	}
	return sb.String()
}

func main() {
	sinkStr = build(3)
}
