package main

var global *int

// Storing an address into a package-level variable.
func publish() {
	x := 7
	global = &x
}

func main() {
	publish()
	println(*global)
}
