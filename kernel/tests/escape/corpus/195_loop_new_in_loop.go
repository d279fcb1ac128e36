package main

type node struct {
	v    int
	next *node
}

var sinkInt int

// Building a linked list in a loop: each node outlives its iteration.
func buildList(n int) int {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{v: i, next: head}
	}
	t := 0
	for p := head; p != nil; p = p.next {
		t += p.v
	}
	return t
}

func main() {
	sinkInt = buildList(4)
}
