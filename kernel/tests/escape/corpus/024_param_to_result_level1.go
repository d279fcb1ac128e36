package main

var sinkInt int

// One dereference between the parameter and the result: level=1.
func derefRet(pp **int) *int {
	return *pp
}

func main() {
	x := 3
	p := &x
	sinkInt = *derefRet(&p)
}
