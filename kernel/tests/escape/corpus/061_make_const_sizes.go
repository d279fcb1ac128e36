package main

var sinkInt int

func makeSmall() int {
	s := make([]int, 10)
	return len(s)
}

func makeMax() int {
	s := make([]byte, 65536)
	return len(s)
}

func makeTooBig() int {
	s := make([]byte, 65537)
	return len(s)
}

func main() {
	sinkInt = makeSmall() + makeMax() + makeTooBig()
}
