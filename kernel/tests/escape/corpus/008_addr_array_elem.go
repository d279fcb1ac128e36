package main

var sinkInt int

// Address of an array element escapes the whole array.
func elemAddr() *int {
	var a [8]int
	a[3] = 5
	return &a[3]
}

// Address of a slice element points into a heap/stack backing store.
func sliceElemAddr() *int {
	s := make([]int, 4)
	return &s[1]
}

func main() {
	sinkInt = *elemAddr() + *sliceElemAddr()
}
