package main

var sinkByte byte

// new of exactly 64 KiB stays; one byte more goes to the heap.
func newMax() byte {
	p := new([65536]byte)
	return p[0]
}

func newTooBig() byte {
	p := new([65537]byte)
	return p[1]
}

func main() {
	sinkByte = newMax() + newTooBig()
}
