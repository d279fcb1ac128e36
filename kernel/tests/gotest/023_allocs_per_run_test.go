package main

import "testing"

type node struct {
	val  int
	next *node
}

var sink *node
var sinkBytes []byte
var sinkAny any

func TestNoAllocs(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		n := node{val: 1}
		_ = n.val
	})
	if allocs != 0 {
		t.Errorf("got %v allocs, want 0", allocs)
	}
}

func TestOneAlloc(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		sink = &node{val: 2}
	})
	if allocs != 1 {
		t.Errorf("got %v allocs, want 1", allocs)
	}
}

func TestMakeEscapes(t *testing.T) {
	allocs := testing.AllocsPerRun(50, func() {
		sinkBytes = make([]byte, 100)
	})
	if allocs != 1 {
		t.Errorf("got %v allocs, want 1", allocs)
	}
}

func TestBoxingSmallInts(t *testing.T) {
	small := testing.AllocsPerRun(100, func() { sinkAny = 200 })
	x := 1000
	large := testing.AllocsPerRun(100, func() { sinkAny = x })
	if small != 0 || large != 1 {
		t.Errorf("small=%v large=%v", small, large)
	}
}
