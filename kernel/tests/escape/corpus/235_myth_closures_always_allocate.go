package main

var sinkInt int

// Myth: "closures always allocate".
func filter(xs []int, keep func(int) bool) int {
	n := 0
	for _, x := range xs {
		if keep(x) {
			n++
		}
	}
	return n
}

func countAbove(xs []int, limit int) int {
	return filter(xs, func(x int) bool { return x > limit })
}

func main() {
	sinkInt = countAbove([]int{1, 5, 9}, 4)
}
