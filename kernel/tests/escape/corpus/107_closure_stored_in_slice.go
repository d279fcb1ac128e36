package main

var handlers []func() int

// A closure stored into a global slice escapes.
func registerHandler(v int) {
	handlers = append(handlers, func() int { return v })
}

// Closures stored in a local slice and called.
func localHandlers() int {
	a, b := 1, 2
	fs := []func() int{
		func() int { return a },
		func() int { return b },
	}
	return fs[0]() + fs[1]()
}

func main() {
	registerHandler(1)
	println(len(handlers), localHandlers())
}
