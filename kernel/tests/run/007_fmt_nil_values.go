package main

import (
	"errors"
	"fmt"
)

type T struct{ A int }

func main() {
	var p *T
	var i any
	var e error
	var s []int
	var m map[int]int
	var f func()
	var c chan int
	fmt.Println(p, i, e, s, m, f == nil, c)
	fmt.Printf("%v %v %v %v %v\n", p, i, e, s, m)
	fmt.Printf("%+v %d %s\n", p, s, s)
	fmt.Printf("[%5v][%-5v]\n", nil, nil)
	fmt.Printf("%T %T %T %T\n", p, i, e, s)
	fmt.Println(p == nil, i == nil, e == nil)
	e = errors.New("now set")
	fmt.Println(e)
	var ps []*T = []*T{nil, nil}
	fmt.Println(ps)
	fmt.Printf("%v %+v\n", struct {
		P *T
		E error
	}{}, struct{ I any }{})
}
