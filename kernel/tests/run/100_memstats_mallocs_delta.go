// gomem-env: GOGC=off GOMAXPROCS=1
package main

import (
	"fmt"
	"runtime"
)

type Node struct {
	Val  int
	Next *Node
}

var before, after runtime.MemStats
var head *Node

func main() {
	runtime.ReadMemStats(&before)
	for i := range 1000 {
		head = &Node{i, head}
	}
	runtime.ReadMemStats(&after)
	fmt.Println("Mallocs delta:", after.Mallocs-before.Mallocs)
	fmt.Println("TotalAlloc delta:", after.TotalAlloc-before.TotalAlloc)
	fmt.Println("HeapObjects delta:", int64(after.HeapObjects)-int64(before.HeapObjects))
	fmt.Println("Frees delta:", after.Frees-before.Frees)
	n := 0
	for p := head; p != nil; p = p.Next {
		n += p.Val
	}
	fmt.Println("sum:", n)
}
