package main

type res struct {
	open bool
}

func (r *res) close() {
	r.open = false
}

// Deferring a method call on a local.
func useRes() bool {
	r := res{open: true}
	defer r.close()
	return r.open
}

func main() {
	println(useRes())
}
