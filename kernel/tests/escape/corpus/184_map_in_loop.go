package main

var sinkInt int

// Creating a map per iteration.
func perIteration(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		m := map[int]int{i: i}
		t += len(m)
	}
	return t
}

func main() {
	sinkInt = perIteration(3)
}
