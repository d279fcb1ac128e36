package main

var sinkInt int

// A labeled loop with break and continue.
func find(grid [][]int, target int) *int {
	var found *int
outer:
	for i := range grid {
		for j := range grid[i] {
			if grid[i][j] < 0 {
				continue outer
			}
			if grid[i][j] == target {
				found = &grid[i][j]
				break outer
			}
		}
	}
	return found
}

func main() {
	g := [][]int{{1, 2}, {3, 4}}
	if p := find(g, 3); p != nil {
		sinkInt = *p
	}
}
