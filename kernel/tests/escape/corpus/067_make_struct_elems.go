package main

type pt struct {
	x, y, z int64
}

type fat struct {
	a [5]int64
}

var sinkInt int

// Element size matters for variable-size make (24 B vs 40 B elements).
func makePts(n int) int {
	s := make([]pt, n)
	return len(s)
}

func makeFat(n int) int {
	s := make([]fat, n)
	return len(s)
}

func main() {
	sinkInt = makePts(1) + makeFat(1)
}
