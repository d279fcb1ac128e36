package main

import "fmt"

func trace(s string) string {
	fmt.Println("eval", s)
	return s
}

type point struct{ x, y int }

func main() {
	// The length of [...]T is the largest index plus one.
	a := [...]string{2: "c", 0: "a"}
	fmt.Println(len(a), a)
	// An element without a key follows the previous one.
	b := [...]int{5: 1, 2, 1: 7, 8}
	fmt.Println(len(b), b)
	// Elements are evaluated in source order, whatever their indices.
	s := []string{3: trace("x"), 1: trace("y"), trace("z")}
	fmt.Println(len(s), cap(s), s)
	p := &[4]int{3: 9}
	fmt.Println(*p)
	g := [...]byte{'a', 4: 'e'}
	fmt.Println(g, len(g))
	ps := []point{2: {1, 2}}
	fmt.Println(ps)
	for i, v := range [...]int{1: 10, 3: 30} {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()
}
