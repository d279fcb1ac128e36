package main

var sinkInt int
var sinkBytes []byte

// Variable-size make that does not escape: "does not escape" (32 B stack buffer at run time).
func makeVar(n int) int {
	s := make([]byte, n)
	return len(s)
}

func makeVarRet(n int) []byte {
	return make([]byte, n)
}

func main() {
	sinkInt = makeVar(16) + makeVar(100)
	sinkBytes = makeVarRet(8)
}
