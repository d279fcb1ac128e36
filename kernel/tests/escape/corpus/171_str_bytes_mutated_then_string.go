package main

var sinkStr string

// Upper-casing through a mutable copy.
func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

func main() {
	sinkStr = upper("go")
}
