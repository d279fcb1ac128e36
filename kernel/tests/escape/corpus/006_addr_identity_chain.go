package main

var sinkInt int

func identity(p *int) *int {
	return p
}

// The address flows through identity but the result stays local.
func chainLocal() int {
	x := 3
	q := identity(&x)
	return *q
}

// Here the result of identity is returned: x must move.
func chainReturned() *int {
	y := 4
	return identity(&y)
}

func main() {
	sinkInt = chainLocal() + *chainReturned()
}
