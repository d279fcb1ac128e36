package main

var sinkInt int

// 8192 int64 = 64 KiB exactly; 8193 is over the implicit limit.
func makeInt64Max() int {
	s := make([]int64, 8192)
	return len(s)
}

func makeInt64Over() int {
	s := make([]int64, 8193)
	return len(s)
}

// len/cap form: the capacity is what counts.
func makeCapOver() int {
	s := make([]byte, 10, 70000)
	return cap(s)
}

func main() {
	sinkInt = makeInt64Max() + makeInt64Over() + makeCapOver()
}
