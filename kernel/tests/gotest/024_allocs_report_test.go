package main

import (
	"fmt"
	"testing"
)

var sinkS []int
var sinkStr string

func build(n int) []int {
	s := make([]int, 0, n)
	for i := range n {
		s = append(s, i)
	}
	return s
}

func TestReportAllocs(t *testing.T) {
	for _, n := range []int{1, 8, 100} {
		a := testing.AllocsPerRun(20, func() { sinkS = build(n) })
		t.Logf("build(%d): %v allocs", n, a)
	}
	s := testing.AllocsPerRun(20, func() { sinkStr = fmt.Sprint(12345) })
	t.Errorf("Sprint: %v allocs (reported as an error to show the log)", s)
}
