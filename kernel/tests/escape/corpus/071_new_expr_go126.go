package main

var sinkPtr *int
var sinkInt int

// Go 1.26 new(expr): an autotmp holds the value.
func newExpr(n int) *int {
	return new(n * 2)
}

func newExprLocal(n int) int {
	p := new(n + 1)
	return *p
}

func main() {
	sinkPtr = newExpr(3)
	sinkInt = newExprLocal(4)
}
