package main

var sinkPtr *int
var sinkInt int

// new(T) is just a spill: stack if it does not escape.
func newLocal() int {
	p := new(int)
	*p = 3
	return *p
}

func newRet() *int {
	return new(int)
}

func main() {
	sinkInt = newLocal()
	sinkPtr = newRet()
}
