package main

var sinkAny any
var sinkInt int

// Boxing a non-pointer value: the box escapes when returned.
func toIface(x int) any {
	return x
}

// The box used only locally.
func ifaceLocal(x int) int {
	var i any = x
	return i.(int)
}

func main() {
	sinkAny = toIface(3)
	sinkInt = ifaceLocal(4)
}
