package main

var sinkInts []int

// Sub-slicing a parameter and returning it: leak to result level=0.
func first(s []int) []int {
	return s[:1]
}

// Returning an element of a slice param: only the content leaks.
func elem(s []*int) *int {
	return s[0]
}

func main() {
	x := 1
	sinkInts = first([]int{1, 2, 3})
	println(*elem([]*int{&x}))
}
