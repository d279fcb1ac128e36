package main

import "strings"

var sinkStr string
var sinkInt int

// Calls into the strings package.
func repeat(s string) string {
	return strings.Repeat(s, 3)
}

func joinSplit(s string) int {
	parts := strings.Split(s, ",")
	return len(strings.Join(parts, ";"))
}

func hasPrefix(s string) bool {
	return strings.HasPrefix(s, "go")
}

func main() {
	sinkStr = repeat("x")
	sinkInt = joinSplit("a,b,c")
	if hasPrefix("gopher") {
		sinkInt++
	}
}
