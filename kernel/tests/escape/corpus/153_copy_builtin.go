package main

var sinkInt int
var sinkInts []int

// copy into a local destination.
func clone(src []int) []int {
	dst := make([]int, len(src))
	copy(dst, src)
	return dst
}

func copyLocal(src []int) int {
	dst := make([]int, 4)
	n := copy(dst, src)
	return n + dst[0]
}

func main() {
	sinkInts = clone([]int{1, 2})
	sinkInt = copyLocal(sinkInts)
}
