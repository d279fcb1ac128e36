package main

import "fmt"

func insert(s []int, i, v int) []int {
	s = append(s, 0)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}

func remove(s []int, i int) []int {
	return append(s[:i], s[i+1:]...)
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	s = insert(s, 2, 99)
	fmt.Println(s, len(s), cap(s))
	orig := []int{1, 2, 3, 4, 5}
	r := remove(orig, 1)
	fmt.Println(r, orig)
	filtered := orig[:0]
	for _, v := range orig {
		if v%2 == 1 {
			filtered = append(filtered, v)
		}
	}
	fmt.Println(filtered, orig)
	rev := []int{1, 2, 3, 4}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	fmt.Println(rev)
}
