package main

import "fmt"

type Rec struct {
	A, B, C int64
}

type Big struct {
	Data [100]byte
}

var recs []Rec
var bigs []Big
var strs []string

func main() {
	prev := -1
	for i := 0; i < 300; i++ {
		recs = append(recs, Rec{int64(i), 0, 0})
		if cap(recs) != prev {
			fmt.Print(cap(recs), " ")
			prev = cap(recs)
		}
	}
	fmt.Println()
	prev = -1
	for i := 0; i < 100; i++ {
		bigs = append(bigs, Big{})
		if cap(bigs) != prev {
			fmt.Print(cap(bigs), " ")
			prev = cap(bigs)
		}
	}
	fmt.Println()
	prev = -1
	for i := 0; i < 100; i++ {
		strs = append(strs, "s")
		if cap(strs) != prev {
			fmt.Print(cap(strs), " ")
			prev = cap(strs)
		}
	}
	fmt.Println()
}
