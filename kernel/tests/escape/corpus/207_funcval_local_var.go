package main

var sinkInt int

func readOnly(p *int) int {
	return *p
}

// A local func variable assigned once: statically resolved.
func viaLocalFuncVar() int {
	x := 1
	f := readOnly
	return f(&x)
}

// A func parameter: unknown callee, arguments escape.
func viaParamFunc(f func(*int) int) int {
	x := 1
	return f(&x)
}

func main() {
	sinkInt = viaLocalFuncVar() + viaParamFunc(readOnly)
}
