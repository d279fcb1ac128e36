package main

var hook func(*int) int

func identity(p *int) int {
	return *p
}

// Calling through a package-level function variable.
func callHook() int {
	x := 9
	return hook(&x)
}

func main() {
	hook = identity
	println(callHook())
}
