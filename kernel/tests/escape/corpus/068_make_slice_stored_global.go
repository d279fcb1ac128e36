package main

var buffers [][]byte

// A make whose result is stored globally.
func allocate(n int) {
	b := make([]byte, n)
	buffers = append(buffers, b)
}

// A make stored into a local slice of slices.
func allocateLocal() int {
	var local [][]byte
	local = append(local, make([]byte, 8))
	return len(local)
}

func main() {
	allocate(10)
	println(len(buffers), allocateLocal())
}
