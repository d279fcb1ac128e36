package main

var sinkInt int
var sinkBytes []byte

// []byte of a constant string: stack array if it does not escape.
func constBytes() int {
	b := []byte("hello")
	b[0] = 'j'
	return len(b)
}

func constBytesRet() []byte {
	return []byte("world")
}

func main() {
	sinkInt = constBytes()
	sinkBytes = constBytesRet()
}
