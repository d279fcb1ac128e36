package main

type op struct {
	apply func(*int) int
}

func inc(p *int) int {
	*p++
	return *p
}

var sinkInt int

// Calling through a struct field of function type.
func run(o op) int {
	x := 4
	return o.apply(&x)
}

func main() {
	sinkInt = run(op{apply: inc})
}
