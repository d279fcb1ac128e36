package main

var global *int

// Only the pointee of pp is stored: leaking param content.
func storeContent(pp **int) {
	global = *pp
}

func main() {
	x := 1
	p := &x
	storeContent(&p)
	println(*global)
}
