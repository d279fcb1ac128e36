package main

type node struct {
	v    int
	next *node
}

var sinkInt int

// Recursively building a list returns new nodes.
func build(n int) *node {
	if n == 0 {
		return nil
	}
	return &node{v: n, next: build(n - 1)}
}

func length(l *node) int {
	if l == nil {
		return 0
	}
	return 1 + length(l.next)
}

func main() {
	sinkInt = length(build(4))
}
