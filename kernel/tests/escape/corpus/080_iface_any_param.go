package main

var sinkInt int
var sinkAny any

// An any parameter that is only type-switched on.
func kind(v any) int {
	switch v.(type) {
	case int:
		return 1
	case string:
		return 2
	}
	return 0
}

// An any parameter that is stored.
func keep(v any) {
	sinkAny = v
}

func main() {
	x := 5
	s := "s"
	sinkInt = kind(x) + kind(s)
	keep(x)
}
