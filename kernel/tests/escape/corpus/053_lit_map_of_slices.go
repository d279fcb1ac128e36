package main

var sinkInt int

// Map literal whose values are slice literals: values assigned into a map go to the heap.
func mapOfSlices() int {
	m := map[string][]int{
		"a": {1, 2},
		"b": {3},
	}
	return len(m["a"]) + len(m)
}

func main() {
	sinkInt = mapOfSlices()
}
