package main

type Node struct {
	Left, Right *Node
	Val         int
	next        func(int) (int, bool)
	ch          chan<- int
	rch         <-chan []*Node
	m           map[[2]int]struct{}
	iface       interface{ M() }
}

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

func describe(i interface{}) string {
	switch v := i.(type) {
	case nil:
		return "nil"
	case int, int64:
		_ = v
		return "int"
	case *Node:
		return "node"
	case func():
		return "func"
	}
	switch i.(type) {
	}
	if s, ok := i.(Shape); ok {
		_ = s.Area()
	}
	return "?"
}

func main() {
	var s Shape = Rect{W: 2, H: 3}
	_ = describe(s)
	ch := make(chan int, 1)
	ch <- 1
	<-ch
	v, ok := <-ch
	_, _ = v, ok
	_ = []Rect{{1, 2}, {W: 3}}
	_ = map[string]Rect{"a": {1, 2}}
	_ = []*Rect{{1, 2}}
	_ = [][]int{{1}, {2, 3}}
	_ = struct{ A int }{A: 1}
	_ = []byte("abc")
	_ = string(rune(65))
	_ = (*Node)(nil)
	_ = func() {}
	close(ch)
}
