package main

import (
	"fmt"
	"strings"
)

func main() {
	// A string constant holds bytes, not necessarily valid UTF-8.
	const bad = "a\xffb\377"
	fmt.Println(len(bad), bad[1], bad[3])
	fmt.Printf("%q %x\n", bad, bad)
	// A rune literal with a byte escape is that byte's value.
	r := '\xff'
	fmt.Println(r, '\u00e9', string(r) == "\u00ff")
	// Ranging decodes: each invalid byte is one U+FFFD of width 1.
	for i, c := range bad + "\xe4\xb8\x96" {
		fmt.Print(i, ":", c, " ")
	}
	fmt.Println()
	// Concatenation and comparison work on the bytes.
	s := bad + "\x80"
	fmt.Println(len(s), s > bad, strings.Contains(s, "\xff"))
	fmt.Printf("%q\n", []byte(s))
	// Printing writes the raw bytes.
	fmt.Println("raw:", "\xfe\xfd")
}
