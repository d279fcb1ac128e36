package main

var sinkInt int

// By-reference capture by a closure that does not escape: no heap.
func sumWith(xs []int) int {
	total := 0
	add := func(v int) { total += v }
	for _, x := range xs {
		add(x)
	}
	return total
}

func main() {
	sinkInt = sumWith([]int{1, 2, 3})
}
