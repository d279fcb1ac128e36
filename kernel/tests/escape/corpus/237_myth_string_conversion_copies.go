package main

var sinkInt int

// Myth: "string(b) always copies".
func countKnown(m map[string]int, keys [][]byte) int {
	n := 0
	for _, k := range keys {
		if _, ok := m[string(k)]; ok {
			n++
		}
	}
	return n
}

func isYes(b []byte) bool {
	return string(b) == "yes"
}

func main() {
	m := map[string]int{"a": 1}
	sinkInt = countKnown(m, [][]byte{[]byte("a"), []byte("b")})
	if isYes([]byte("yes")) {
		sinkInt++
	}
}
