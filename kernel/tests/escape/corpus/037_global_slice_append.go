package main

var registry []*int

// Appending pointers to a global slice.
func register(v int) {
	x := v
	registry = append(registry, &x)
}

func main() {
	register(1)
	register(2)
	println(len(registry), *registry[0])
}
