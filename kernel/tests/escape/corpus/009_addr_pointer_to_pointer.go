package main

var sinkInt int

// A pointer to a pointer: both levels escape when returned.
func ptrPtr() **int {
	x := 1
	p := &x
	return &p
}

// Only the inner value is returned; the outer pointer stays.
func ptrPtrDeref() *int {
	x := 2
	p := &x
	pp := &p
	return *pp
}

func main() {
	sinkInt = **ptrPtr() + *ptrPtrDeref()
}
