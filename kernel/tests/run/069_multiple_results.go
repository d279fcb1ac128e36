package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (q, r int, err error) {
	if b == 0 {
		err = errors.New("division by zero")
		return
	}
	q, r = a/b, a%b
	return
}

func swap(a, b string) (string, string) { return b, a }

func minMax(xs []int) (lo, hi int) {
	lo, hi = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return
}

func main() {
	q, r, err := divmod(17, 5)
	fmt.Println(q, r, err)
	_, _, err = divmod(1, 0)
	fmt.Println(err)
	a, b := swap("x", "y")
	fmt.Println(a, b)
	fmt.Println(minMax([]int{3, -1, 9, 4}))
	fmt.Println(swap(swap("1", "2")))
	x, y := 1, 2
	x, y = y, x+y
	fmt.Println(x, y)
}
