package main

import "fmt"

func main() {
	const n = 4
	grid := make([][]int, n)
	for i := range grid {
		grid[i] = make([]int, n)
		for j := range grid[i] {
			grid[i][j] = i * j
		}
	}
	for _, row := range grid {
		fmt.Println(row)
	}
	tri := [][]int{}
	for i := range 5 {
		row := make([]int, i+1)
		row[0], row[i] = 1, 1
		for j := 1; j < i; j++ {
			row[j] = tri[i-1][j-1] + tri[i-1][j]
		}
		tri = append(tri, row)
	}
	fmt.Println(tri)
	var m [3][3]int
	m[1][1] = 5
	m2 := m
	m2[0][0] = 1
	fmt.Println(m, m2)
}
