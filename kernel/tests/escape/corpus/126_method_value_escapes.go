package main

type T struct {
	n int
}

func (t *T) Get() int {
	return t.n
}

var sinkFn func() int

// A method value returned from a function: escapes.
func methodValue(t *T) func() int {
	return t.Get
}

// A method value used locally.
func methodValueLocal() int {
	t := T{n: 1}
	f := t.Get
	return f()
}

func main() {
	sinkFn = methodValue(&T{n: 2})
	println(sinkFn(), methodValueLocal())
}
