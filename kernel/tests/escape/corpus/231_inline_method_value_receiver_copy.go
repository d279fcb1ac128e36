package main

type meter struct {
	v   int
	pad [6]int
}

func (m meter) read() int {
	return m.v
}

func (m *meter) ptr() *meter {
	return m
}

var sinkInt int

// Inlined methods with value and pointer receivers.
func use() int {
	m := meter{v: 4}
	p := m.ptr()
	return p.read() + m.read()
}

func main() {
	sinkInt = use()
}
