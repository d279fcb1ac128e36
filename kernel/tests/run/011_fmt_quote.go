package main

import "fmt"

func main() {
	strs := []string{"plain", "with space", "tab\t", "newline\n", "quote\"", "back\\slash", "é", "世界", "\x01", "\u00ff", "emoji 😀"}
	for _, s := range strs {
		fmt.Printf("%q %+q\n", s, s)
	}
	runes := []rune{'a', '\'', '\n', 'é', '世', 0}
	for _, r := range runes {
		fmt.Printf("%q %c %d %U\n", r, r, r, r)
	}
	fmt.Printf("%q\n", []string{"a", "b"})
	fmt.Printf("%10q|%-10q|\n", "x", "y")
	fmt.Printf("%q\n", 'x')
	fmt.Printf("%q\n", "invalid \xff utf8")
}
