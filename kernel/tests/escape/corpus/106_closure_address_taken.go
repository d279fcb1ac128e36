package main

var sinkInt int

// A captured variable whose address is taken is captured by reference.
func addrTaken() func() int {
	n := 3
	p := &n
	*p = 4
	return func() int { return n }
}

func main() {
	sinkInt = addrTaken()()
}
