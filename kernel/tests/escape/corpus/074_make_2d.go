package main

var sinkInt int

// A 2D grid: the outer make and the rows.
func grid(w, h int) int {
	g := make([][]int, h)
	for i := range g {
		g[i] = make([]int, w)
	}
	return len(g) * len(g[0])
}

func gridRet(w, h int) [][]int {
	g := make([][]int, h)
	for i := range g {
		g[i] = make([]int, w)
	}
	return g
}

func main() {
	sinkInt = grid(2, 3) + len(gridRet(1, 1))
}
