package main

type shape interface {
	area() int
}

type square struct {
	side int
}

func (s square) area() int {
	return s.side * s.side
}

var current shape

// Storing a concrete value into a global interface.
func install(n int) {
	current = square{side: n}
}

func installPtr(n int) {
	current = &square{side: n}
}

func main() {
	install(2)
	installPtr(3)
	println(current.area())
}
