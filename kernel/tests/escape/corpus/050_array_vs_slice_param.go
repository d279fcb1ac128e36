package main

var sinkInt int

// An array parameter is copied, a slice parameter shares.
func sumArr(a [8]int) int {
	t := 0
	for _, v := range a {
		t += v
	}
	return t
}

func sumSlice(s []int) int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func main() {
	var a [8]int
	a[2] = 3
	sinkInt = sumArr(a) + sumSlice(a[:])
}
