package main

type getter interface {
	get() int
}

type T struct {
	n int
}

func (t *T) get() int {
	return t.n
}

var sinkInt int

func viaIface(g getter) int {
	return g.get()
}

// With inlining, the call can be devirtualized and t stays on the stack.
func passToIface() int {
	t := T{n: 3}
	return viaIface(&t)
}

func main() {
	sinkInt = passToIface()
}
