package main

var sinkBytes []byte
var sinkInt int

// []byte(s): zero-copy when never mutated and not escaping.
func s2bLocal(s string) int {
	b := []byte(s)
	return len(b)
}

func s2bRet(s string) []byte {
	return []byte(s)
}

func s2bMut(s string) byte {
	b := []byte(s)
	b[0] = 'x'
	return b[0]
}

func main() {
	sinkInt = s2bLocal("hello") + int(s2bMut("abc"))
	sinkBytes = s2bRet("ret")
}
