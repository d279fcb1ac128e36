package main

var sinkPtr *int

// Taking the address of a parameter and returning it.
func addrOfParam(x int) *int {
	return &x
}

// Taking the address of a parameter locally.
func addrOfParamLocal(x int) int {
	p := &x
	return *p * 2
}

func main() {
	sinkPtr = addrOfParam(3)
	println(addrOfParamLocal(4), *sinkPtr)
}
