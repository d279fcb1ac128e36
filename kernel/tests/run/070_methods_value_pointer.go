package main

import "fmt"

type Counter struct{ N int }

func (c Counter) Get() int  { return c.N }
func (c Counter) IncValue() { c.N++ }
func (c *Counter) IncPtr()  { c.N++ }

type Celsius float64

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }

type List []int

func (l List) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

func (l *List) Push(v int) { *l = append(*l, v) }

func main() {
	c := Counter{}
	c.IncValue()
	fmt.Println(c.Get())
	c.IncPtr()
	c.IncPtr()
	fmt.Println(c.Get(), c)
	p := &c
	p.IncValue()
	p.IncPtr()
	fmt.Println(p.Get(), *p)
	fmt.Println(Celsius(100).F(), Celsius(-40).F())
	var l List
	l.Push(1)
	l.Push(2)
	l.Push(39)
	fmt.Println(l, l.Sum(), len(l))
	cs := []Counter{{1}, {2}}
	for _, x := range cs {
		x.IncPtr()
	}
	fmt.Println(cs)
	for i := range cs {
		cs[i].IncPtr()
	}
	fmt.Println(cs)
}
