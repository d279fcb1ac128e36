package main

type acc struct {
	sum int
	buf [8]int
}

func (a acc) total() int {
	return a.sum
}

func (a *acc) add(v int) {
	a.sum += v
	a.buf[v%8] = v
}

var sinkInt int

// Calling pointer and value methods on a local: no escape.
func run() int {
	var a acc
	a.add(3)
	a.add(4)
	return a.total()
}

func main() {
	sinkInt = run()
}
