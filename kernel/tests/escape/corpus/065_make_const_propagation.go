package main

var sinkInt int

// A local constant-valued variable is propagated into make.
func makeFromLocal() int {
	size := 128
	b := make([]byte, size)
	return len(b)
}

const bufSize = 4096

func makeFromConst() int {
	b := make([]byte, bufSize)
	return len(b)
}

func makeFromLocalBig() int {
	size := 70000
	b := make([]byte, size)
	return len(b)
}

func main() {
	sinkInt = makeFromLocal() + makeFromConst() + makeFromLocalBig()
}
