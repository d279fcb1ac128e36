package main

var sinkInt int

// Nested loops: the inner variable's address stored into an outer-loop variable.
func nested(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		var q *int
		for j := 0; j < n; j++ {
			v := i * j
			q = &v
		}
		if q != nil {
			t += *q
		}
	}
	return t
}

func main() {
	sinkInt = nested(3)
}
