package main

var sinkStr string

// Repeated concatenation: each + is a separate allocation.
func naive(words []string) string {
	s := ""
	for _, w := range words {
		s += w + " "
	}
	return s
}

func main() {
	sinkStr = naive([]string{"a", "b"})
}
