package main

var sinkFn func() int

// Capturing a large array by a closure that is stored globally.
func captureArr() {
	var a [64]int
	a[1] = 9
	sinkFn = func() int { return a[1] }
}

// A small array is captured by value.
func captureSmallArr() {
	var a [4]int
	a[1] = 8
	sinkFn = func() int { return a[1] }
}

func main() {
	captureArr()
	captureSmallArr()
	println(sinkFn())
}
