package main

type pair struct {
	a, b int
}

var sinkAny any

// Boxing a string variable and a struct variable.
func boxString(s string) any {
	return s
}

func boxStruct(p pair) any {
	return p
}

func boxBool(b bool) any {
	return b
}

func main() {
	sinkAny = boxString("hi")
	sinkAny = boxStruct(pair{1, 2})
	sinkAny = boxBool(true)
}
