package main

type node struct {
	v int
}

var sinkInt int

// The same constructor marked //go:noinline keeps allocating.
//
//go:noinline
func newNode() *node {
	return &node{v: 1}
}

func useNode() int {
	n := newNode()
	return n.v
}

func main() {
	sinkInt = useNode()
}
