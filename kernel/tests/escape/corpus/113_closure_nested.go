package main

var sinkInt int

// A closure returning a closure.
func adder(base int) func(int) func() int {
	return func(d int) func() int {
		return func() int { return base + d }
	}
}

func main() {
	sinkInt = adder(1)(2)()
}
