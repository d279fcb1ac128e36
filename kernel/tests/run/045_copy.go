package main

import "fmt"

func main() {
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println(n, dst)
	big := make([]int, 8)
	n = copy(big, src)
	fmt.Println(n, big)
	s := []int{1, 2, 3, 4, 5, 6}
	copy(s[2:], s)
	fmt.Println(s)
	s = []int{1, 2, 3, 4, 5, 6}
	copy(s, s[2:])
	fmt.Println(s)
	b := make([]byte, 4)
	n = copy(b, "héllo")
	fmt.Println(n, b, string(b[:3]))
	var empty []int
	fmt.Println(copy(empty, src), copy(src, empty))
	arr := [4]int{9, 9, 9, 9}
	copy(arr[1:], []int{7, 7})
	fmt.Println(arr)
}
