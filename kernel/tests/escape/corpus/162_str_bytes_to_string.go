package main

var sinkStr string
var sinkInt int

// string(b): escapes when returned, stays when only measured.
func b2s(b []byte) string {
	return string(b)
}

func b2sLocal(b []byte) int {
	s := string(b)
	return len(s)
}

func main() {
	sinkStr = b2s([]byte("ab"))
	sinkInt = b2sLocal([]byte("cd"))
}
