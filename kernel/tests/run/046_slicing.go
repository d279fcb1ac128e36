package main

import "fmt"

func main() {
	a := [8]int{0, 1, 2, 3, 4, 5, 6, 7}
	s := a[2:5]
	fmt.Println(s, len(s), cap(s))
	s = s[:cap(s)]
	fmt.Println(s, len(s), cap(s))
	t := a[2:5:6]
	fmt.Println(t, len(t), cap(t))
	t = append(t, 100)
	fmt.Println(a, t)
	t = append(t, 200)
	t[0] = -1
	fmt.Println(a, t, len(t), cap(t))
	u := a[:0]
	fmt.Println(u, len(u), cap(u))
	v := a[8:]
	fmt.Println(v, len(v), cap(v))
	str := "abcdef"
	fmt.Println(str[1:4], str[:2], str[4:])
	w := s[1:2:3]
	fmt.Println(w, len(w), cap(w))
}
