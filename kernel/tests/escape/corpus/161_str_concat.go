package main

var sinkStr string
var sinkInt int

// String concatenation that escapes vs stays.
func concat(a, b string) string {
	return a + b
}

func concatLen(a, b string) int {
	s := a + b + "!"
	return len(s)
}

func main() {
	sinkStr = concat("x", "y")
	sinkInt = concatLen("p", "q")
}
