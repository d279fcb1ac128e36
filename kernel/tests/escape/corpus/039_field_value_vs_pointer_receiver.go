package main

type counter struct {
	n   int
	buf *[4]int
}

var sinkInt int

// Value receiver: a copy, the receiver does not escape.
func (c counter) get() int {
	return c.n
}

// Pointer receiver storing into a field reached through the pointer.
func (c *counter) attach(x *[4]int) {
	c.buf = x
}

func main() {
	var arr [4]int
	c := counter{n: 3}
	c.attach(&arr)
	sinkInt = c.get() + c.buf[0]
}
