// barrier_demo: why Go needs a write barrier while it marks concurrently.
//
// A holder object sits at the end of a big table, so the collector reaches it
// late in each cycle. Over and over, the program parks a value in the holder,
// makes a big allocation (which usually starts a cycle: the stacks are scanned
// then, and the value is only in the holder), takes the value back into a local
// variable and clears the holder. If the holder has not been scanned yet, only the deletion half of
// Go's hybrid write barrier (shade the overwritten pointer) keeps the value from
// staying white and being freed while the local still uses it.
// `gomem run --no-write-barrier` turns the barrier off and shows the lost object.
package main

import (
	"fmt"
	"runtime"
)

type Holder struct {
	p *Value
}

type Value struct {
	n int
}

var sink []byte

func main() {
	// A table of a million pointers (8 MiB): the collector scans it in 128 KiB pieces
	// (oblets), so the holder in its last slot is reached late in every cycle.
	table := make([]*Holder, 1<<20)
	table[len(table)-1] = &Holder{}

	v := &Value{n: 42}
	for round := 0; round < 400; round++ {
		h := table[len(table)-1]
		h.p, v = v, nil
		h = nil
		// A big allocation: the one that most often crosses the GC trigger, so a cycle
		// starts right here, with the value only in the holder.
		sink = make([]byte, 1<<20)
		h = table[len(table)-1]
		v, h.p = h.p, nil
		h = nil
		for j := 0; j < 200; j++ {
			sink = make([]byte, 256)
		}
	}
	runtime.GC()
	fmt.Println("the value survived every cycle:", v.n)
}
