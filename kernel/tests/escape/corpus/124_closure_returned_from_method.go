package main

type cfg struct {
	name string
	n    int
}

var sinkInt int

// A closure capturing the receiver.
func (c *cfg) getter() func() int {
	return func() int { return c.n }
}

func (c cfg) valueGetter() func() int {
	return func() int { return c.n }
}

func main() {
	c := &cfg{n: 2}
	sinkInt = c.getter()() + c.valueGetter()()
}
