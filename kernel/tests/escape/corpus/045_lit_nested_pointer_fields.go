package main

type inner struct {
	v int
}

type outer struct {
	in   *inner
	name string
}

var sinkOuter *outer
var sinkInt int

// Nested &T{} inside a returned &T{}.
func nestedRet() *outer {
	return &outer{in: &inner{v: 1}, name: "n"}
}

// The same nesting kept local.
func nestedLocal() int {
	o := &outer{in: &inner{v: 2}}
	return o.in.v
}

func main() {
	sinkOuter = nestedRet()
	sinkInt = nestedLocal()
}
