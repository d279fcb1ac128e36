package main

import (
	"fmt"
	"testing"
)

func count(words []string) int {
	m := map[string]int{}
	for _, w := range words {
		m[w]++
	}
	return len(m)
}

func main() {
	eight := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	nine := append(eight[:8:8], "i")
	fmt.Printf("8 distinct keys: %d keys, %.0f allocs\n", count(eight), testing.AllocsPerRun(50, func() { count(eight) }))
	fmt.Printf("9 distinct keys: %d keys, %.0f allocs\n", count(nine), testing.AllocsPerRun(50, func() { count(nine) }))
	fmt.Println("myth refuted: a small non-escaping map needs no heap allocation")
}
