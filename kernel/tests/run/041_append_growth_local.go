package main

import "fmt"

func build(n int) (int, int) {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return len(s), cap(s)
}

func main() {
	// A non-escaping slice may start in a small stack buffer.
	for _, n := range []int{1, 2, 3, 4, 5, 8, 9, 17, 33, 100} {
		l, c := build(n)
		fmt.Println(n, l, c)
	}
	var s []int
	caps := []int{}
	for i := range 20 {
		s = append(s, i)
		caps = append(caps, cap(s))
	}
	fmt.Println(caps)
}
