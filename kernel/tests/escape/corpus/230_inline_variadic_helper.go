package main

var sinkInt int

// Variadic helper that is inlined: the "... argument" moves into the caller.
func sumv(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func callSumv() int {
	return sumv(1, 2, 3)
}

func callSumvSlice(s []int) int {
	return sumv(s...)
}

func main() {
	sinkInt = callSumv() + callSumvSlice([]int{4})
}
