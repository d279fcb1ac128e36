package main

var global *int

// The parameter itself is stored in a global: leaking param.
func store(p *int) {
	global = p
}

func main() {
	x := 1
	store(&x)
	println(*global)
}
