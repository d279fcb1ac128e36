package main

type wrapper struct {
	p *int
	n int
}

var sinkInt int
var sinkW wrapper

// Passing a struct value that contains a pointer to a local.
func readW(w wrapper) int {
	return *w.p + w.n
}

func storeW(w wrapper) {
	sinkW = w
}

func main() {
	a, b := 1, 2
	sinkInt = readW(wrapper{p: &a, n: 1})
	storeW(wrapper{p: &b, n: 2})
}
