package main

type node struct {
	next *node
	v    int
}

var head *node

// Pointer receivers are parameters too.
func (n *node) push() {
	n.next = head
	head = n
}

func (n *node) value() int {
	return n.v
}

func main() {
	a := &node{v: 1}
	a.push()
	println(a.value(), head.v)
}
