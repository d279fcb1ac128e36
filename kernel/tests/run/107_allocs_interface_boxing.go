package main

import (
	"fmt"
	"testing"
)

var sink any

type Small struct{ A, B int32 }
type Pair struct{ A, B int64 }

func main() {
	vals := []int{0, 1, 200, 255, 256, 1000, -1}
	for _, v := range vals {
		a := testing.AllocsPerRun(100, func() { sink = v })
		fmt.Printf("any(int %d): %.0f\n", v, a)
	}
	s := "hello"
	fmt.Printf("any(string): %.0f\n", testing.AllocsPerRun(100, func() { sink = s }))
	e := ""
	fmt.Printf("any(empty string): %.0f\n", testing.AllocsPerRun(100, func() { sink = e }))
	b := true
	fmt.Printf("any(bool): %.0f\n", testing.AllocsPerRun(100, func() { sink = b }))
	by := byte(200)
	fmt.Printf("any(byte): %.0f\n", testing.AllocsPerRun(100, func() { sink = by }))
	sm := Small{1, 2}
	fmt.Printf("any(struct 8B): %.0f\n", testing.AllocsPerRun(100, func() { sink = sm }))
	p := Pair{1, 2}
	fmt.Printf("any(struct 16B): %.0f\n", testing.AllocsPerRun(100, func() { sink = p }))
	ptr := &p
	fmt.Printf("any(pointer): %.0f\n", testing.AllocsPerRun(100, func() { sink = ptr }))
	z := struct{}{}
	fmt.Printf("any(struct{}): %.0f\n", testing.AllocsPerRun(100, func() { sink = z }))
	fmt.Printf("any(const 7000): %.0f\n", testing.AllocsPerRun(100, func() { sink = 7000 }))
}
