package main

var sinkInt int
var sinkInts []int

// An inlined helper containing make: the allocation may change verdict per call site.
func mk(n int) []int {
	return make([]int, n)
}

func localUse() int {
	s := mk(4)
	return len(s)
}

func escapingUse() {
	sinkInts = mk(4)
}

func main() {
	sinkInt = localUse()
	escapingUse()
}
