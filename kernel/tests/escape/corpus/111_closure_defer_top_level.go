package main

var sinkInt int

// A defer at the top level of a function: the closure does not escape.
func deferTop() (r int) {
	x := 0
	defer func() { r = x + 1 }()
	x = 5
	return x
}

func main() {
	sinkInt = deferTop()
}
