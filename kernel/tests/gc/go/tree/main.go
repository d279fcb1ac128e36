// tree: a complete binary tree of 4 Mi 16-byte nodes, then runtime.GC() five times;
// scripts/bench-gc.sh reads the mark times from GODEBUG=gctrace=1.
package main

import (
	"os"
	"runtime"
	"strconv"
)

type node struct{ l, r *node }

var root *node

func main() {
	n := 1 << 22
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	nodes := make([]*node, n)
	for i := range nodes {
		nodes[i] = new(node)
	}
	for i := range nodes {
		if c := 2*i + 1; c < n {
			nodes[i].l = nodes[c]
		}
		if c := 2*i + 2; c < n {
			nodes[i].r = nodes[c]
		}
	}
	root = nodes[0]
	nodes = nil
	runtime.GC()
	for i := 0; i < 5; i++ {
		runtime.GC()
	}
	runtime.KeepAlive(root)
}
