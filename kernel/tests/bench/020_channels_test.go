package main

import "testing"

// Channels are always heap allocated by runtime.makechan.

var (
	sinkCh   chan int
	sinkChP  chan *int
	sinkChE  chan struct{}
	sinkSize int
)

func BenchmarkMakeChanUnbuffered(b *testing.B) {
	for range b.N {
		sinkCh = make(chan int)
	}
}

func BenchmarkMakeChanBuffered1(b *testing.B) {
	for range b.N {
		sinkCh = make(chan int, 1)
	}
}

func BenchmarkMakeChanBuffered100(b *testing.B) {
	for range b.N {
		sinkCh = make(chan int, 100)
	}
}

func BenchmarkMakeChanPointers8(b *testing.B) {
	for range b.N {
		sinkChP = make(chan *int, 8)
	}
}

func BenchmarkMakeChanEmptyStruct(b *testing.B) {
	for range b.N {
		sinkChE = make(chan struct{}, 10)
	}
}

func BenchmarkLocalChanSendRecv(b *testing.B) {
	for i := range b.N {
		c := make(chan int, 1)
		c <- i
		sinkSize += <-c
	}
}
