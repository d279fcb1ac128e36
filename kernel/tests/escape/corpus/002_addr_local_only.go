package main

var sinkInt int

// Taking an address that never leaves the frame: no diagnostic at all.
func localAddr() int {
	x := 1
	p := &x
	*p += 2
	return *p
}

func main() {
	sinkInt = localAddr()
}
