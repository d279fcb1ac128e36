package main

var sinkInt int

func apply(f func(int) int, v int) int {
	return f(v)
}

var saved func(int) int

func store(f func(int) int) {
	saved = f
}

// Passing closures to a non-leaking and a leaking function.
func use(k int) int {
	store(func(x int) int { return x - k })
	return apply(func(x int) int { return x * k }, 5)
}

func main() {
	sinkInt = use(2) + saved(1)
}
