package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func main() {
	n := &Node{Val: 1}
	fmt.Println("first:", n.Val)
	fmt.Println("second:", n.Next.Val)
}
