package main

var sinkArr [4]int
var sinkInt int

// Array literals are values: no spill.
func arrLit() [4]int {
	a := [4]int{1, 2, 3, 4}
	return a
}

func arrLitPtr() *[4]int {
	return &[4]int{5, 6, 7, 8}
}

func main() {
	sinkArr = arrLit()
	sinkInt = arrLitPtr()[0]
}
