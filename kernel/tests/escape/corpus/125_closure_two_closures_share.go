package main

var sinkInt int

// Two closures sharing one by-reference variable.
func pair() (func(), func() int) {
	n := 0
	inc := func() { n++ }
	get := func() int { return n }
	return inc, get
}

func main() {
	inc, get := pair()
	inc()
	sinkInt = get()
}
