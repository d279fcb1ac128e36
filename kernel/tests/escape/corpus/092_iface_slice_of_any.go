package main

var sinkInt int

func count(vals []any) int {
	n := 0
	for _, v := range vals {
		if v != nil {
			n++
		}
	}
	return n
}

// Building a []any from locals.
func build() int {
	a, b := 1, "two"
	return count([]any{a, b, 3.0})
}

func main() {
	sinkInt = build()
}
