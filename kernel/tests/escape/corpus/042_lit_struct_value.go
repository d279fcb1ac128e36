package main

type P struct {
	a, b int
}

var sinkP P

// Struct value literals are never spilled: no diagnostic.
func valueLit() P {
	p := P{a: 1}
	p.b = 2
	return p
}

func main() {
	sinkP = valueLit()
}
