package main

var sinkInt int

func twice(x int) int {
	return x * 2
}

// Returning a named function as a value: no closure allocation.
func pick() func(int) int {
	return twice
}

func main() {
	f := pick()
	sinkInt = f(3)
}
