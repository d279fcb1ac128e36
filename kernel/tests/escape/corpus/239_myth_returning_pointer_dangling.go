package main

type counter struct {
	n int
}

// Myth: "returning a pointer to a local is a dangling pointer".
func newCounter() *counter {
	c := counter{}
	return &c
}

func main() {
	c := newCounter()
	c.n++
	println(c.n)
}
