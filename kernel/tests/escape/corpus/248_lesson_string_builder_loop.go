package main

import (
	"fmt"
	"strings"
)

// Concatenation in a loop vs strings.Builder.
func JoinPlus(parts []string) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += ","
		}
		s += p
	}
	return s
}

func JoinBuilder(parts []string) string {
	var sb strings.Builder
	for i, p := range parts {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(p)
	}
	return sb.String()
}

func main() {
	xs := []string{"a", "b", "c"}
	fmt.Println(JoinPlus(xs), JoinBuilder(xs))
}
