package main

import "fmt"

func main() {
	pairs := [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 3}, {1, 5}, {-1, 5}}
	for _, p := range pairs {
		a, b := p[0], p[1]
		fmt.Printf("%d/%d=%d %d%%%d=%d\n", a, b, a/b, a, b, a%b)
	}
	minInt := -1 << 63
	neg := -1
	fmt.Println(minInt/neg, minInt%neg)
	var m8 int8 = -128
	var n8 int8 = -1
	fmt.Println(m8/n8, m8%n8)
	fmt.Println(-7>>1, -1>>10, 7>>1, -8>>2)
	var u uint8 = 200
	fmt.Println(u/3, u%3, u>>1, u<<1)
	f := -7.0
	g := 3.9
	fmt.Println(f/2, int(f/2), int(-g), int(g))
	fmt.Println(((-7 % 3) + 3) % 3)
}
