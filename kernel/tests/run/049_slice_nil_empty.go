package main

import "fmt"

func main() {
	var a []int
	b := []int{}
	c := make([]int, 0)
	d := make([]int, 0, 5)
	fmt.Println(a == nil, b == nil, c == nil, d == nil)
	fmt.Println(len(a), cap(a), len(d), cap(d))
	a = append(a, 1)
	fmt.Println(a, len(a), cap(a))
	for range a[:0] {
		fmt.Println("never")
	}
	var e []string
	e = append(e, e...)
	fmt.Println(e == nil, len(e))
	f := a[:0:0]
	fmt.Println(f == nil, len(f), cap(f))
	var g []int
	g = g[:0]
	fmt.Println(g == nil)
	fmt.Printf("%v %v %d\n", a, b, len(c))
}
