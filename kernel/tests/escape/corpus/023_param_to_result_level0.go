package main

var sinkInt int

// The parameter flows to the unnamed result unchanged.
func identity(p *int) *int {
	return p
}

func main() {
	x := 2
	sinkInt = *identity(&x)
}
