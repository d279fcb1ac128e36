// trees: a long-lived complete binary tree of 65535 64-byte nodes (4 MiB), and
// 150 short-lived trees of 4095 nodes each (38 MiB of garbage), built
// recursively: the binary-trees benchmark in miniature.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	l, r *node
	v    [6]int
}

func build(depth int) *node {
	n := &node{}
	if depth > 0 {
		n.l = build(depth - 1)
		n.r = build(depth - 1)
	}
	return n
}

func count(n *node) int {
	if n == nil {
		return 0
	}
	return 1 + count(n.l) + count(n.r)
}

var longLived *node

func main() {
	longLived = build(15)
	sum := 0
	for i := 0; i < 150; i++ {
		t := build(11)
		sum += t.v[0] + 1
	}
	if count(longLived) != 65535 || sum != 150 {
		panic("bad tree")
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
