package main

var sinkInt int

func double(p *int) {
	*p *= 2
}

// Sharing down: the callee does not retain p.
func shareDown() int {
	v := 21
	double(&v)
	return v
}

func main() {
	sinkInt = shareDown()
}
