package main

var sinkInt int

// Storing string keys built from concatenation.
func index(words []string) int {
	m := make(map[string]int)
	for i, w := range words {
		m[w+"_"] = i
	}
	return len(m)
}

func main() {
	sinkInt = index([]string{"a", "b"})
}
