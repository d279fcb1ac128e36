package main

var sinkFn func() string

// Capturing strings by value and by reference.
func greeter(name string) func() string {
	prefix := "hello "
	return func() string { return prefix + name }
}

func mutGreeter(name string) func() string {
	return func() string {
		name += "!"
		return name
	}
}

func main() {
	sinkFn = greeter("a")
	println(sinkFn(), mutGreeter("b")())
}
