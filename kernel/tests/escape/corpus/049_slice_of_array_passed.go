package main

var sinkInt int
var kept []byte

func total(b []byte) int {
	t := 0
	for _, c := range b {
		t += int(c)
	}
	return t
}

func keep(b []byte) {
	kept = b
}

// Passing a slice of a local array to a non-leaking vs leaking callee.
func useArrays() int {
	var a [16]byte
	var b [16]byte
	a[0] = 1
	keep(b[:])
	return total(a[:])
}

func main() {
	sinkInt = useArrays()
}
