package main

var sinkStr string

// Strings are pointer-shaped; returning one leaks it to the result.
func trimFirst(s string) string {
	return s[1:]
}

// Storing a string into a global leaks it to heap.
func remember(s string) {
	sinkStr = s
}

func length(s string) int {
	return len(s)
}

func main() {
	remember(trimFirst("hello"))
	println(length(sinkStr))
}
