package main

var sinkInt int

// Pointers stored into a local slice's elements go to the heap hole.
func ptrsInSlice() int {
	a, b := 1, 2
	ps := []*int{&a, &b}
	return *ps[0] + *ps[1]
}

// Pointers stored into a local array stay tracked.
func ptrsInArray() int {
	a, b := 3, 4
	ps := [2]*int{&a, &b}
	return *ps[0] + *ps[1]
}

func main() {
	sinkInt = ptrsInSlice() + ptrsInArray()
}
