package main

var sinkInts []int

// Preallocating with make and appending.
func squares(n int) []int {
	out := make([]int, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, i*i)
	}
	return out
}

func squaresLocal() int {
	out := make([]int, 0, 8)
	for i := 0; i < 8; i++ {
		out = append(out, i*i)
	}
	return out[7]
}

func main() {
	sinkInts = squares(4)
	println(squaresLocal())
}
