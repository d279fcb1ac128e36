package main

import (
	"fmt"
	"testing"
)

func mustParse(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("mustParse(%q): bad digit %q", s, c)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func TestParse(t *testing.T) {
	fmt.Println(mustParse(t, "123"))
	fmt.Println(mustParse(t, "4x5"))
	fmt.Println("not reached")
}
