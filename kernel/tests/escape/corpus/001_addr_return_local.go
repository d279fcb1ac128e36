package main

var sinkInt int

// Returning the address of a local: the variable is moved to the heap.
func retAddr() *int {
	x := 42
	return &x
}

func main() {
	p := retAddr()
	sinkInt = *p
}
