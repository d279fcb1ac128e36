package main

// A classic generator: state lives in the closure.
func gen(start, step int) func() int {
	cur := start
	return func() int {
		v := cur
		cur += step
		return v
	}
}

func main() {
	g := gen(10, 5)
	g()
	println(g())
}
