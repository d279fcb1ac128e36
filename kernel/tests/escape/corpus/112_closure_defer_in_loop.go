package main

var sinkInt int

// A defer inside a loop: the closure escapes, captured variables move.
func deferLoop(n int) {
	for i := 0; i < n; i++ {
		x := i
		defer func() { sinkInt += x }()
	}
}

func main() {
	deferLoop(3)
	println(sinkInt)
}
