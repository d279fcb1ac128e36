package main

import (
	"fmt"
	"strings"
)

func main() {
	words := strings.Fields("the quick brown fox jumps over the lazy dog then the fox sleeps")
	byLen := map[int][]string{}
	count := map[string]int{}
	for _, w := range words {
		byLen[len(w)] = append(byLen[len(w)], w)
		count[w]++
	}
	fmt.Println(byLen)
	fmt.Println(count)
	groups := map[bool][]int{}
	for i := range 10 {
		groups[i%2 == 0] = append(groups[i%2 == 0], i)
	}
	fmt.Println(groups)
	nested := map[string]map[string]int{}
	add := func(a, b string) {
		if nested[a] == nil {
			nested[a] = map[string]int{}
		}
		nested[a][b]++
	}
	add("x", "y")
	add("x", "y")
	add("x", "z")
	add("w", "y")
	fmt.Println(nested)
}
