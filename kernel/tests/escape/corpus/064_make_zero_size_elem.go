package main

var sinkInt int

type nothing struct{}

// Zero-size element types always go to the heap for make.
func makeZero() int {
	s := make([]struct{}, 4)
	return len(s)
}

func makeZeroNamed(n int) int {
	s := make([]nothing, n)
	return len(s)
}

func makeZeroArr() int {
	s := make([][0]int, 3)
	return len(s)
}

func main() {
	sinkInt = makeZero() + makeZeroNamed(2) + makeZeroArr()
}
