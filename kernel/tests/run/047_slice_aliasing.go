package main

import "fmt"

func addOne(s []int) {
	for i := range s {
		s[i]++
	}
}

func appendOne(s []int) []int {
	return append(s, 1)
}

func main() {
	base := make([]int, 3, 4)
	a := append(base, 10)
	b := append(base, 20)
	fmt.Println(a, b, a[3] == b[3])
	c := append(a, 30)
	c[0] = 99
	fmt.Println(a, c)
	x := []int{1, 2, 3}
	addOne(x)
	fmt.Println(x)
	y := appendOne(x[:1])
	fmt.Println(x, y)
	z := appendOne(x)
	z[0] = 0
	fmt.Println(x, z)
	m := [][]int{}
	row := []int{0, 0}
	for i := range 3 {
		row[0] = i
		m = append(m, row)
	}
	fmt.Println(m)
}
