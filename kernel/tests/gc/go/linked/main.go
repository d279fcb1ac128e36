// linked: a FIFO queue as a singly linked list of 48-byte pointerful nodes; it
// holds 65536 nodes (3 MiB) while 600000 more are pushed at the tail and popped
// at the head (27 MiB of garbage). Marking follows the list node by node.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	next *node
	val  [5]int
}

const (
	live  = 65536
	total = 600000
)

var head, tail *node

func push(v int) {
	n := &node{}
	n.val[0] = v
	if tail == nil {
		head = n
	} else {
		tail.next = n
	}
	tail = n
}

func main() {
	for i := 0; i < live; i++ {
		push(i)
	}
	for i := 0; i < total; i++ {
		push(i)
		head = head.next
	}
	report()
}

// report prints NumGC and the mapped memory that is neither heap objects nor
// free heap pages (stacks, runtime metadata): the memory limit's "other" memory.
func report() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("numgc %d nonheap %d\n", ms.NumGC, ms.Sys-ms.HeapReleased-(ms.HeapIdle-ms.HeapReleased)-ms.HeapAlloc)
}
