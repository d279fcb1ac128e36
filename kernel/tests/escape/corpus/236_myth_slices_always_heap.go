package main

var sinkInt int

// Myth: "slices are always heap-allocated".
func sliceOnStack() int {
	s := make([]int, 16)
	for i := range s {
		s[i] = i
	}
	lit := []string{"a", "b"}
	return s[15] + len(lit)
}

func main() {
	sinkInt = sliceOnStack()
}
