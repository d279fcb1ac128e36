package main

type opts struct {
	verbose bool
	level   int
}

var sinkOpts *opts
var sinkStr *string

// new with a composite literal and a string expression.
func newOpts(level int) *opts {
	return new(opts{level: level})
}

func newString(a, b string) *string {
	return new(a + b)
}

func main() {
	sinkOpts = newOpts(2)
	sinkStr = newString("x", "y")
}
