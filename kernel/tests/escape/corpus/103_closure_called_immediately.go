package main

var sinkInt int

// A closure called right away: inlined with -m, "does not escape" with -l.
func callNow() int {
	x := 1
	f := func() int { return x + 1 }
	return f()
}

func iife(a int) int {
	return func(b int) int { return a * b }(3)
}

func main() {
	sinkInt = callNow() + iife(2)
}
