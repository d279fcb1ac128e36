package main

var sinkInt int

// Two dereferences: level=2.
func derefRet2(ppp ***int) *int {
	return **ppp
}

func main() {
	x := 4
	p := &x
	pp := &p
	sinkInt = *derefRet2(&pp)
}
