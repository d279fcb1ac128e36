package main

var sinkInt int

// make inside a loop body: non-escaping stays per iteration.
func makeLoop(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		b := make([]byte, 64)
		b[0] = byte(i)
		t += int(b[0])
	}
	return t
}

func makeLoopVar(n int) int {
	t := 0
	for i := 1; i < n; i++ {
		b := make([]int, i)
		t += len(b)
	}
	return t
}

func main() {
	sinkInt = makeLoop(3) + makeLoopVar(3)
}
