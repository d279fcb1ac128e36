package main

var global *int
var sinkInt int

// The parameter reaches both the heap and the result: heap wins.
func both(p *int) *int {
	global = p
	return p
}

// Content to heap, pointer to result.
func contentAndResult(pp **int) **int {
	global = *pp
	return pp
}

func main() {
	x := 1
	y := 2
	py := &y
	sinkInt = *both(&x) + **contentAndResult(&py)
}
