package main

import "fmt"

type Big struct {
	buf [1 << 16]byte
}

var global *int

func leak(p *int) { global = p }

func newInt() *int {
	x := 42
	return &x
}

func sliceGrow() []int {
	s := make([]int, 0, 4)
	for i := 0; i < 100; i++ {
		s = append(s, i)
	}
	return s
}

func closure() func() int {
	n := 0
	return func() int { n++; return n }
}

func main() {
	x := 1
	leak(&x)
	p := newInt()
	b := new(Big)
	fmt.Println(*p, len(b.buf), sliceGrow()[3], closure()())
	var i interface{} = x
	fmt.Printf("%v %d\n", i, x)
}
