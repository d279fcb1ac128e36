package main

type state struct {
	n int
}

var sinkFn func() int

// Capturing a pointer variable by value: the pointee escapes with the closure.
func watch() {
	s := &state{n: 1}
	sinkFn = func() int { return s.n }
}

func watchLocal() int {
	s := &state{n: 2}
	f := func() int { return s.n }
	return f() + f()
}

func main() {
	watch()
	println(sinkFn(), watchLocal())
}
