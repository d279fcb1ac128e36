package main

var sinkBytes []byte

// append(dst, src...) with strings and slices.
func joinBytes(a, b []byte) []byte {
	out := append([]byte{}, a...)
	return append(out, b...)
}

func appendString(dst []byte, s string) []byte {
	return append(dst, s...)
}

func main() {
	sinkBytes = joinBytes([]byte("ab"), []byte("cd"))
	sinkBytes = appendString(sinkBytes, "ef")
}
