package main

var sinkInt int

// A closure created and called in each iteration.
func loopClosure(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		f := func() int { return i * 2 }
		t += f()
	}
	return t
}

func main() {
	sinkInt = loopClosure(3)
}
