package main

import "fmt"

// alloc_loop: 5,000,000 heap allocations of a 32-byte object (4 words, one
// pointer) with a small live set: a ring of 1000 pointers overwritten in a
// loop. Prints a checksum so the work cannot be optimised away.

type Obj struct {
	Next *Obj
	A    int
	B    int
	C    int
}

const (
	total    = 5000000
	ringSize = 1000
)

var ring [ringSize]*Obj

func main() {
	var prev *Obj
	sum := 0
	for i := range total {
		o := &Obj{Next: prev, A: i, B: i * 3, C: i ^ 0x5555}
		slot := i % ringSize
		if old := ring[slot]; old != nil {
			sum += old.A + old.B - old.C
			if old.Next != nil {
				sum += old.Next.A & 0xff
			}
		}
		ring[slot] = o
		prev = o
		if i%ringSize == ringSize-1 {
			prev = nil
		}
	}
	for _, o := range ring {
		sum += o.A
	}
	fmt.Println("alloc_loop checksum:", sum)
}
