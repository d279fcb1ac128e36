package main

//go:noinline
func f() {}

func main() {
	f()
}

//go:nosplit
