package main

import "fmt"

var sink [][]int

func main() {
	s := make([]int, 3, 10)
	fmt.Println(s, len(s), cap(s))
	s = append(s, 1, 2)
	fmt.Println(s, len(s), cap(s))
	for i := 0; i < 6; i++ {
		s = append(s, i)
	}
	fmt.Println(len(s), cap(s))
	for _, c := range []int{0, 1, 5, 7, 9, 15, 33, 100, 1000} {
		t := make([]int, 0, c)
		t = append(t, make([]int, c+1)...)
		sink = append(sink, t)
		fmt.Printf("cap %d +%d -> %d\n", c, c+1, cap(t))
	}
}
