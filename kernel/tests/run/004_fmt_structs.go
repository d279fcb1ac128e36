package main

import "fmt"

type Point struct {
	X, Y int
}

type Line struct {
	A, B  Point
	Label string
}

type Wrap struct {
	Name  string
	Tags  []string
	Attrs map[string]int
	Next  *Wrap
	Any   any
	Err   error
}

func main() {
	p := Point{1, 2}
	fmt.Println(p)
	fmt.Printf("%v %+v\n", p, p)
	l := Line{Point{0, 0}, Point{3, 4}, "diag"}
	fmt.Printf("%v\n%+v\n", l, l)
	fmt.Println(&p)
	fmt.Printf("%v %+v\n", &l, &l)
	w := Wrap{Name: "w", Tags: []string{"a", "b"}, Attrs: map[string]int{"z": 1, "a": 2}}
	fmt.Printf("%v\n%+v\n", w, w)
	var empty struct{}
	fmt.Println(empty, struct{ A, B bool }{true, false})
	fmt.Printf("%+v\n", struct {
		N int
		S string
	}{7, "seven"})
	ps := []Point{{1, 2}, {3, 4}}
	fmt.Println(ps)
	fmt.Printf("%+v\n", ps)
	pp := []*Point{}
	fmt.Println(pp, len(pp))
}
