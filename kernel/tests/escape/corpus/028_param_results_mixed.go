package main

var sinkInt int
var global *int

// One parameter goes to the second result, the other to the heap.
func mixed(a, b *int) (int, *int) {
	global = a
	return 0, b
}

func main() {
	x, y := 1, 2
	n, p := mixed(&x, &y)
	sinkInt = n + *p + *global
}
