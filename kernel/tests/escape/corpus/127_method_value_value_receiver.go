package main

type V struct {
	n int
}

func (v V) Get() int {
	return v.n
}

var sinkFn func() int

// A method value of a value-receiver method copies the receiver.
func bound(v V) func() int {
	return v.Get
}

func boundLocal() int {
	v := V{n: 3}
	g := v.Get
	v.n = 4
	return g()
}

func main() {
	sinkFn = bound(V{n: 1})
	println(sinkFn(), boundLocal())
}
