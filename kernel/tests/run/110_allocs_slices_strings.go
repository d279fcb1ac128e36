package main

import (
	"fmt"
	"testing"
)

var sinkS string
var sinkB []byte

func localMake(n int) int {
	b := make([]byte, n)
	b[0] = 1
	return len(b)
}

func main() {
	for _, n := range []int{1, 32, 33, 64} {
		fmt.Printf("local make([]byte, %d): %.0f\n", n, testing.AllocsPerRun(100, func() { localMake(n) }))
	}
	fmt.Printf("local make([]int, 10): %.0f\n", testing.AllocsPerRun(100, func() {
		s := make([]int, 10)
		s[0] = 1
	}))
	short := []byte("0123456789012345678901234567890")
	long := []byte("0123456789012345678901234567890123456789")
	m := map[string]int{string(short): 1}
	fmt.Printf("m[string(b)] lookup: %.0f\n", testing.AllocsPerRun(100, func() { _ = m[string(long)] }))
	fmt.Printf("string(31 bytes) local compare: %.0f\n", testing.AllocsPerRun(100, func() {
		s := string(short)
		_ = s == "x"
	}))
	fmt.Printf("string(31 bytes) escaping: %.0f\n", testing.AllocsPerRun(100, func() { sinkS = string(short) }))
	fmt.Printf("string(40 bytes) escaping: %.0f\n", testing.AllocsPerRun(100, func() { sinkS = string(long) }))
	str := "some string value"
	fmt.Printf("[]byte(s) escaping: %.0f\n", testing.AllocsPerRun(100, func() { sinkB = []byte(str) }))
	a, b := "abc", "def"
	fmt.Printf("a+b escaping: %.0f\n", testing.AllocsPerRun(100, func() { sinkS = a + b }))
}
