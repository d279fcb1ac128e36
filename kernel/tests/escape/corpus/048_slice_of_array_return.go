package main

var sinkInts []int
var sinkInt int

// Slicing an array takes its address implicitly.
func sliceOfArray() []int {
	var a [4]int
	a[0] = 1
	return a[:]
}

func sliceOfArrayLocal() int {
	var a [4]int
	s := a[1:3]
	return len(s) + cap(s)
}

func main() {
	sinkInts = sliceOfArray()
	sinkInt = sliceOfArrayLocal()
}
