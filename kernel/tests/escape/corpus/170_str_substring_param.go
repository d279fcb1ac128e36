package main

var sinkStr string

// Substrings share the backing bytes: leak to result.
func firstWord(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return s[:i]
		}
	}
	return s
}

func main() {
	sinkStr = firstWord("hello world")
}
