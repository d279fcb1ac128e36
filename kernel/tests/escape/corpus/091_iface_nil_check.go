package main

var sinkBool bool

// Comparing an interface to nil does not require a box for pointer values.
func isNil(v any) bool {
	return v == nil
}

func check() bool {
	x := 1
	return isNil(x) || isNil(&x)
}

func main() {
	sinkBool = check()
}
