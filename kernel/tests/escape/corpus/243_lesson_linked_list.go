package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

type List struct {
	head *Node
	size int
}

func (l *List) PushFront(v int) {
	l.head = &Node{Val: v, Next: l.head}
	l.size++
}

func (l *List) Sum() int {
	t := 0
	for n := l.head; n != nil; n = n.Next {
		t += n.Val
	}
	return t
}

func main() {
	var l List
	for i := 1; i <= 3; i++ {
		l.PushFront(i)
	}
	fmt.Println(l.Sum(), l.size)
}
