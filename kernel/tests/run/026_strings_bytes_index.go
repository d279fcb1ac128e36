package main

import "fmt"

func main() {
	s := "Go€x"
	fmt.Println(len(s))
	for i := 0; i < len(s); i++ {
		fmt.Printf("%d:%d(%x) ", i, s[i], s[i])
	}
	fmt.Println()
	fmt.Println(s[0], s[2:5], s[5:], s[:0] == "")
	fmt.Printf("%T %T\n", s[0], s[1:])
	b := []byte(s)
	b[0] = 'g'
	fmt.Println(string(b), s)
	t := s
	t += "!"
	fmt.Println(s, t, len(t))
	sub := s[1:3]
	fmt.Printf("%q %d\n", sub, len(sub))
}
