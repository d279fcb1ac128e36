package main

var sinkInt int

// Ranging over a slice of function values and calling them.
func runAll(fs []func(int) int) int {
	t := 0
	for _, f := range fs {
		t += f(t)
	}
	return t
}

func main() {
	k := 3
	sinkInt = runAll([]func(int) int{
		func(x int) int { return x + 1 },
		func(x int) int { return x * k },
	})
}
