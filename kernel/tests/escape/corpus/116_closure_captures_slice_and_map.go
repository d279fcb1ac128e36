package main

var sinkFn func() int

// Capturing a slice and a map header by value.
func capture() {
	s := []int{1, 2, 3}
	m := map[string]int{"a": 1}
	sinkFn = func() int { return s[0] + m["a"] }
}

func main() {
	capture()
	println(sinkFn())
}
