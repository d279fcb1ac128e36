package main

var sinkInt int

// Reassignment before the capture in straight-line code is ignored.
func before() func() int {
	n := 1
	n = 2
	return func() int { return n }
}

// Reassignment after the capture forces capture by reference.
func after() func() int {
	n := 1
	f := func() int { return n }
	n = 2
	return f
}

func main() {
	sinkInt = before()() + after()()
}
