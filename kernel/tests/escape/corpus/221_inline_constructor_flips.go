package main

type node struct {
	v int
}

var sinkInt int

// A small constructor: escapes stand-alone, stays when inlined into the caller.
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
