package main

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	fmt.Println(sb.Len(), sb.String() == "")
	sb.WriteString("hello")
	sb.WriteByte(' ')
	sb.WriteRune('世')
	n, err := sb.WriteString("!")
	fmt.Println(n, err, sb.Len(), sb.String())
	var b2 strings.Builder
	b2.Grow(64)
	fmt.Println(b2.Len(), b2.Cap() >= 64)
	for i := range 10 {
		fmt.Fprintf(&b2, "%d,", i)
	}
	fmt.Println(b2.String(), b2.Len())
	b2.Reset()
	fmt.Println(b2.Len(), b2.Cap())
	var b3 strings.Builder
	prev := -1
	for i := 0; i < 200; i++ {
		b3.WriteByte('x')
		if b3.Cap() != prev {
			fmt.Print(b3.Cap(), " ")
			prev = b3.Cap()
		}
	}
	fmt.Println()
	w := []byte("bytes")
	b3.Write(w)
	fmt.Println(b3.Len())
}
