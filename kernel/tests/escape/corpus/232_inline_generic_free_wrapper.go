package main

import "strings"

var sinkStr string

// A wrapper around a stdlib function that itself is inlined.
func lower(s string) string {
	return strings.ToLower(s)
}

func trim(s string) string {
	return strings.TrimSpace(s)
}

func main() {
	sinkStr = lower(trim(" Hi "))
}
