package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	inc := func() int {
		n++
		return n
	}
	reset := func() { n = 0 }
	return inc, reset
}

func adder(base int) func(int) int {
	return func(x int) int { return base + x }
}

func main() {
	inc, reset := counter()
	fmt.Println(inc(), inc(), inc())
	reset()
	fmt.Println(inc())
	inc2, _ := counter()
	fmt.Println(inc2(), inc())
	add5 := adder(5)
	add10 := adder(10)
	fmt.Println(add5(1), add10(1), adder(-1)(1))
	fns := []func(int) int{add5, add10, func(x int) int { return x * x }}
	for _, f := range fns {
		fmt.Print(f(3), " ")
	}
	fmt.Println()
}
