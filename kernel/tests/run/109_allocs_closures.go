package main

import (
	"fmt"
	"testing"
)

var sinkF func() int

func apply(f func(int) int, v int) int { return f(v) }

func main() {
	k := 10
	fmt.Printf("non-escaping closure: %.0f\n", testing.AllocsPerRun(100, func() {
		_ = apply(func(x int) int { return x + k }, 5)
	}))
	fmt.Printf("escaping closure capturing by value: %.0f\n", testing.AllocsPerRun(100, func() {
		v := k
		sinkF = func() int { return v }
	}))
	fmt.Printf("escaping closure capturing reassigned var: %.0f\n", testing.AllocsPerRun(100, func() {
		c := 0
		sinkF = func() int { c++; return c }
	}))
	fmt.Printf("escaping func literal without captures: %.0f\n", testing.AllocsPerRun(100, func() {
		sinkF = func() int { return 1 }
	}))
	fmt.Println(sinkF())
}
