package main

import (
	"fmt"
	"strings"
	"sync"
)

var bufPool = sync.Pool{
	New: func() any { return new(strings.Builder) },
}

// Render reuses builders from a pool instead of allocating each time.
func Render(name string, n int) string {
	sb := bufPool.Get().(*strings.Builder)
	sb.Reset()
	for i := 0; i < n; i++ {
		sb.WriteString(name)
	}
	s := sb.String()
	bufPool.Put(sb)
	return s
}

func main() {
	fmt.Println(Render("go", 3))
}
