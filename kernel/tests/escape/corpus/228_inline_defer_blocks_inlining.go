package main

var sinkInt int

// Functions with defer or go are not inlined.
func withDefer(p *int) int {
	defer func() { *p++ }()
	return *p
}

func withoutDefer(p *int) int {
	*p++
	return *p
}

func main() {
	x := 1
	sinkInt = withDefer(&x) + withoutDefer(&x)
}
