package main

import "fmt"

func main() {
	s := "aé世😀"
	for i, r := range s {
		fmt.Printf("%d %q %d\n", i, r, len(string(r)))
	}
	bad := "a\xffb\xe4\xb8"
	for i, r := range bad {
		fmt.Printf("%d %U\n", i, r)
	}
	n := 0
	for range "héllo" {
		n++
	}
	fmt.Println("runes:", n, "bytes:", len("héllo"))
	rs := []rune(s)
	fmt.Println(len(rs), rs[3] == '😀')
	for i := range "abc" {
		fmt.Print(i)
	}
	fmt.Println()
}
