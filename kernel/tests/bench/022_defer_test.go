package main

import "testing"

// defer: open-coded at function top level vs in a loop.

var sinkCount int

func topLevelDefer() {
	defer func() { sinkCount++ }()
	sinkCount++
}

func loopDefer(n int) {
	for i := range n {
		defer func() { sinkCount += i }()
	}
}

func BenchmarkDeferTopLevel(b *testing.B) {
	for range b.N {
		topLevelDefer()
	}
}

func BenchmarkDeferInLoop4(b *testing.B) {
	for range b.N {
		loopDefer(4)
	}
}
