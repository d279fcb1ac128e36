package main

import "runtime"

type res struct {
	fd int
}

// KeepAlive takes an interface: the pointer passed in escapes.
func use() int {
	r := &res{fd: 3}
	n := r.fd
	runtime.KeepAlive(r)
	return n
}

func main() {
	println(use())
}
