package main

var sinkInt int

// A slice literal built inside a loop body.
func litInLoop(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		s := []int{i, i + 1, i + 2}
		t += s[1]
	}
	return t
}

var saved [][]int

func litInLoopSaved(n int) {
	for i := 0; i < n; i++ {
		saved = append(saved, []int{i})
	}
}

func main() {
	sinkInt = litInLoop(3)
	litInLoopSaved(2)
}
