package main

var sinkInt int

func add(a, b int) int { return a + b }
func sub(a, b int) int { return a - b }

// Dispatch table of function values.
func dispatch(name string, x, y int) int {
	ops := map[string]func(int, int) int{
		"add": add,
		"sub": sub,
	}
	if f, ok := ops[name]; ok {
		return f(x, y)
	}
	return 0
}

func main() {
	sinkInt = dispatch("add", 1, 2)
}
