package main

var sinkInt int

// Appending into slices stored in a map.
func groupBy(xs []int) int {
	m := map[bool][]int{}
	for _, x := range xs {
		m[x%2 == 0] = append(m[x%2 == 0], x)
	}
	return len(m[true])
}

func main() {
	sinkInt = groupBy([]int{1, 2, 3, 4})
}
