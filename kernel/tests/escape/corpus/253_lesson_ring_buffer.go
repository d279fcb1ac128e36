package main

import "fmt"

type Ring struct {
	buf  [8]int
	head int
	n    int
}

func (r *Ring) Push(v int) {
	r.buf[(r.head+r.n)%len(r.buf)] = v
	if r.n < len(r.buf) {
		r.n++
	} else {
		r.head = (r.head + 1) % len(r.buf)
	}
}

func (r *Ring) Sum() int {
	t := 0
	for i := 0; i < r.n; i++ {
		t += r.buf[(r.head+i)%len(r.buf)]
	}
	return t
}

// A fixed-size ring buffer used as a local value.
func main() {
	var r Ring
	for i := 0; i < 10; i++ {
		r.Push(i)
	}
	fmt.Println(r.Sum())
}
