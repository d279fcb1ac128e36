package main

import "testing"

// new vs make vs composite literals, escaping and local.

type Rec struct {
	ID   int
	Name string
}

var (
	sinkArr *[4]int
	sinkSl  []int
	sinkRec *Rec
	sinkSum int
)

func BenchmarkNewArray4Escaping(b *testing.B) {
	for range b.N {
		sinkArr = new([4]int)
	}
}

func BenchmarkMakeSlice4Escaping(b *testing.B) {
	for range b.N {
		sinkSl = make([]int, 4)
	}
}

func BenchmarkCompositeLiteralPtr(b *testing.B) {
	for range b.N {
		sinkRec = &Rec{1, "x"}
	}
}

func BenchmarkNewLocal(b *testing.B) {
	for i := range b.N {
		r := new(Rec)
		r.ID = i
		sinkSum += r.ID
	}
}

func BenchmarkMakeLocalConst(b *testing.B) {
	for i := range b.N {
		s := make([]int, 16)
		s[i%16] = i
		sinkSum += s[0]
	}
}
