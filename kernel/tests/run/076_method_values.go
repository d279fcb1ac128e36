package main

import "fmt"

type Acc struct{ total int }

func (a Acc) Value() int     { return a.total }
func (a *Acc) Add(n int)     { a.total += n }
func (a Acc) Plus(n int) int { return a.total + n }

func main() {
	a := Acc{10}
	val := a.Value
	add := a.Add
	a.total = 20
	fmt.Println(val(), a.Value())
	add(5)
	fmt.Println(a.total)
	plus := Acc.Plus
	fmt.Println(plus(a, 100))
	addExpr := (*Acc).Add
	addExpr(&a, 1)
	fmt.Println(a.total)
	fs := []func(int){a.Add, a.Add}
	for _, f := range fs {
		f(2)
	}
	fmt.Println(a.total)
}
