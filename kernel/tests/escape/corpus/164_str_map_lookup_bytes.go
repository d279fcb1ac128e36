package main

var sinkInt int

// m[string(b)] lookups never allocate for the key.
func lookup(m map[string]int, b []byte) int {
	return m[string(b)]
}

// But storing with string(b) as the key does.
func insert(m map[string]int, b []byte) {
	m[string(b)] = len(b)
}

func main() {
	m := map[string]int{}
	insert(m, []byte("k"))
	sinkInt = lookup(m, []byte("k"))
}
