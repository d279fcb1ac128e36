package main

var sinkInt int

func swap(a, b *int) {
	*a, *b = *b, *a
}

// Swapping through pointers does not leak.
func useSwap() int {
	x, y := 1, 2
	swap(&x, &y)
	return x - y
}

func main() {
	sinkInt = useSwap()
}
