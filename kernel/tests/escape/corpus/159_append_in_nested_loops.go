package main

var sinkInt int

// Appends in nested loops, local result.
func pairs(n int) int {
	var out [][2]int
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			out = append(out, [2]int{i, j})
		}
	}
	return len(out)
}

func main() {
	sinkInt = pairs(4)
}
