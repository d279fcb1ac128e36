package main

import (
	"fmt"
	"strings"
)

const text = `It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness`

func main() {
	counts := map[string]int{}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ",.")
		counts[w]++
	}
	fmt.Println(counts)
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0; j-- {
			a, b := keys[j-1], keys[j]
			if counts[a] < counts[b] || (counts[a] == counts[b] && a > b) {
				keys[j-1], keys[j] = b, a
			}
		}
	}
	for _, k := range keys[:5] {
		fmt.Printf("%-8s %d\n", k, counts[k])
	}
}
