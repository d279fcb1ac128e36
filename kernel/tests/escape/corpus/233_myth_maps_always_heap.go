package main

var sinkInt int

// Myth: "maps always live on the heap". A non-escaping map says otherwise.
func wordCount(words []string) int {
	m := make(map[string]int)
	for _, w := range words {
		m[w]++
	}
	return len(m)
}

func main() {
	sinkInt = wordCount([]string{"a", "b", "a"})
}
