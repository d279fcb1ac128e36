package main

import "fmt"

var sink []int

func main() {
	src := make([]int, 50)
	for _, n := range []int{1, 3, 5, 7, 11, 13, 17, 50} {
		var s []int
		s = append(s, src[:n]...)
		sink = s
		fmt.Println(n, len(s), cap(s))
	}
	s := make([]int, 4)
	s = append(s, src[:5]...)
	sink = s
	fmt.Println(len(s), cap(s))
	s = make([]int, 4)
	s = append(s, src[:3]...)
	sink = s
	fmt.Println(len(s), cap(s))
	b := append([]byte(nil), "abcdefghijklmnopq"...)
	fmt.Println(len(b), cap(b))
	sink = append([]int{1, 2, 3}, 4)
	fmt.Println(len(sink), cap(sink))
}
