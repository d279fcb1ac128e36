package main

var sinkInt int

// Never reassigned, small: captured by value; the closure still escapes.
func byValue() func() int {
	n := 5
	return func() int { return n }
}

func main() {
	f := byValue()
	sinkInt = f()
}
