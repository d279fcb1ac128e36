package main

import (
	"fmt"
	"strings"
)

type Source interface {
	Next() (string, bool)
}

type sliceSource struct {
	items []string
	i     int
}

func (s *sliceSource) Next() (string, bool) {
	if s.i >= len(s.items) {
		return "", false
	}
	s.i++
	return s.items[s.i-1], true
}

// Consume drains any Source through the interface.
func Consume(src Source) string {
	var parts []string
	for {
		v, ok := src.Next()
		if !ok {
			break
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, "+")
}

func main() {
	fmt.Println(Consume(&sliceSource{items: []string{"a", "b"}}))
}
