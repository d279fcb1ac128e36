package main

type P struct {
	a, b int
}

var sinkP *P

// &T{} returned: escapes.
func litRet() *P {
	return &P{1, 2}
}

// &T{} used locally: does not escape.
func litLocal() int {
	p := &P{1, 2}
	return p.a + p.b
}

func main() {
	sinkP = litRet()
	sinkP.a = litLocal()
}
