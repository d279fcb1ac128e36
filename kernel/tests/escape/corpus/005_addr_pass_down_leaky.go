package main

var kept *int

func keep(p *int) {
	kept = p
}

// The callee stores its parameter globally, so the caller's variable escapes.
func shareDownLeaky() int {
	v := 21
	keep(&v)
	return v
}

func main() {
	println(shareDownLeaky(), *kept)
}
