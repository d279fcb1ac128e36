package main

type buf struct {
	b []byte
	n int
}

// The self-assignment special case: b.b = b.b[1:].
func (p *buf) trim() {
	p.b = p.b[1:]
}

// Not a self-assignment: different fields.
func (p *buf) other(q *buf) {
	p.b = q.b[1:]
}

func main() {
	x := &buf{b: []byte("hello")}
	y := &buf{b: []byte("world")}
	x.trim()
	x.other(y)
	println(len(x.b))
}
