package main

var sinkBool bool

// Comparing string(b) with a constant or a string.
func isHello(b []byte) bool {
	return string(b) == "hello"
}

func sameAs(b []byte, s string) bool {
	return string(b) == s
}

func main() {
	sinkBool = isHello([]byte("hello")) && sameAs([]byte("x"), "x")
}
