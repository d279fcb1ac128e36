package main

var sinkInt int
var sinkAny any

func countv(vals ...any) int {
	return len(vals)
}

func keepv(vals ...any) {
	sinkAny = vals[0]
}

// Variadic any: the implicit slice and the boxes.
func calls() int {
	x := 1
	keepv(x, 2)
	return countv(x, "a", 3)
}

func main() {
	sinkInt = calls()
}
