package main

var sinkInt int

// copy of pointer elements: the source contents go to the heap.
func copyPtrs(src []*int) int {
	dst := make([]*int, len(src))
	copy(dst, src)
	return len(dst)
}

func copyString(dst []byte, s string) int {
	return copy(dst, s)
}

func main() {
	x := 1
	buf := make([]byte, 8)
	sinkInt = copyPtrs([]*int{&x}) + copyString(buf, "hi")
}
