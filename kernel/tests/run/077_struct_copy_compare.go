package main

import "fmt"

type Inner struct{ V []int }
type Outer struct {
	Name string
	In   Inner
	Arr  [2]int
}

type Cmp struct {
	A int
	B string
	C [2]bool
}

func main() {
	o1 := Outer{"a", Inner{[]int{1, 2}}, [2]int{3, 4}}
	o2 := o1
	o2.Name = "b"
	o2.Arr[0] = 30
	o2.In.V[0] = 100
	fmt.Printf("%+v\n%+v\n", o1, o2)
	c1 := Cmp{1, "x", [2]bool{true, false}}
	c2 := c1
	fmt.Println(c1 == c2)
	c2.C[1] = true
	fmt.Println(c1 == c2)
	anon1 := struct{ X, Y int }{1, 2}
	anon2 := struct{ X, Y int }{1, 2}
	fmt.Println(anon1 == anon2)
	p1, p2 := &Cmp{A: 1}, &Cmp{A: 1}
	fmt.Println(p1 == p2, *p1 == *p2)
	var zero Cmp
	fmt.Printf("%+v %v\n", zero, zero == Cmp{})
}
