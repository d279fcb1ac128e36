package main

import (
	"errors"
	"fmt"
)

type MyInt int
type Pair struct{ A, B int }
type Fn func(int) string
type Shape interface{ Area() float64 }

func main() {
	var c chan int
	var rc <-chan string
	var sh Shape
	fmt.Printf("%T %T %T %T %T\n", 1, 1.5, "s", 'r', true)
	fmt.Printf("%T %T %T %T\n", int8(1), uint16(2), byte(3), uintptr(4))
	fmt.Printf("%T %T %T\n", MyInt(1), Pair{}, &Pair{})
	fmt.Printf("%T %T %T\n", []int{}, [3]string{}, map[string][]bool{})
	fmt.Printf("%T %T %T\n", c, rc, make(chan<- error))
	fmt.Printf("%T %T\n", func(a int, b ...string) (int, error) { return 0, nil }, Fn(nil))
	fmt.Printf("%T %T %T\n", sh, errors.New("e"), struct{ X int }{})
	fmt.Printf("%T %T\n", []any{1}, map[Pair]*Pair{})
	fmt.Printf("%T %T\n", [2][]*int{}, func() {})
	var x any = MyInt(3)
	fmt.Printf("%T %v\n", x, x)
	fmt.Printf("%T\n", []error{nil})
}
