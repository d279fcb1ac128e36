package main

var sinkStr string
var sinkInt int

// A type switch binding the concrete value.
func describe(v any) int {
	switch t := v.(type) {
	case int:
		return t * 2
	case string:
		sinkStr = t
		return len(t)
	case *int:
		return *t
	}
	return -1
}

func main() {
	n := 3
	sinkInt = describe(n) + describe("abc") + describe(&n)
}
