package main

import "fmt"

type Adder interface {
	Add(a, b int) int
	fmt.Stringer
}

type impl struct{}

func (impl) Add(a, b int) int     { return a + b }
func (i *impl) String() string     { return "impl" }
func variadic(prefix string, xs ...int) int {
	return len(xs)
}

//go:noinline
func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func multi() (int, error) { return 0, nil }

func main() {
	xs := []int{1, 2, 3}
	variadic("a", xs...)
	variadic("b", 1, 2)
	f := counter()
	f()
	var a Adder = &impl{}
	_ = a.Add(1, 2)
	g := (*impl).String
	_ = g(&impl{})
	n, err := multi()
	_, _ = n, err
	defer fmt.Println("done")
	go func(x int) {}(1)
}
