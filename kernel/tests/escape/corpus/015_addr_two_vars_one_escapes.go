package main

var out *int

// Two locals; only the one whose address is published escapes.
func twoVars() int {
	a := 1
	b := 2
	pa := &a
	pb := &b
	out = pb
	return *pa + *pb
}

func main() {
	println(twoVars(), *out)
}
