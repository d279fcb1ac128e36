package main

var sinkInt int

// Reassigning the size variable defeats constant propagation.
func makeReassigned(flag bool) int {
	size := 128
	if flag {
		size = 256
	}
	b := make([]byte, size)
	return len(b)
}

// Arithmetic on a constant local.
func makeArith() int {
	n := 16
	b := make([]int, n*2)
	return len(b)
}

func main() {
	sinkInt = makeReassigned(true) + makeArith()
}
