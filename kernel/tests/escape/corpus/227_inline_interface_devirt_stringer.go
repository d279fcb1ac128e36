package main

import "fmt"

type name struct {
	s string
}

func (n *name) String() string {
	return n.s
}

func show(s fmt.Stringer) string {
	return s.String()
}

var sinkStr string

// Devirtualization through an inlined helper.
func use() string {
	n := name{s: "x"}
	return show(&n)
}

func main() {
	sinkStr = use()
}
