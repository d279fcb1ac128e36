package main

import "fmt"

func modify(a [3]int) [3]int {
	a[0] = 100
	return a
}

func modifyPtr(a *[3]int) {
	a[1] = 200
}

func main() {
	x := [3]int{1, 2, 3}
	y := modify(x)
	fmt.Println(x, y, x == y)
	modifyPtr(&x)
	fmt.Println(x)
	z := x
	z[2] = -1
	fmt.Println(x != z, len(z))
	arr := [...]string{2: "c", 0: "a"}
	fmt.Println(len(arr), arr)
	fmt.Printf("%q\n", arr)
	for i, v := range x {
		x[2] = 0
		fmt.Print(i, v, " ")
	}
	fmt.Println(x)
	type grid [2][2]int
	g1, g2 := grid{{1, 2}, {3, 4}}, grid{{1, 2}, {3, 4}}
	fmt.Println(g1 == g2)
}
