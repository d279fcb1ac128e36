package main

var sinkInt int

type small struct {
	a, b int
}

// Pointer-free parameters produce no diagnostic at all.
func add(a, b int, s small, arr [4]int) int {
	return a + b + s.a + s.b + arr[0]
}

func main() {
	sinkInt = add(1, 2, small{3, 4}, [4]int{5})
}
