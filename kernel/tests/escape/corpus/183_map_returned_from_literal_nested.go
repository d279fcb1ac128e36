package main

var sinkMap map[string]map[string]int

// Nested map literal returned.
func nested() map[string]map[string]int {
	return map[string]map[string]int{
		"a": {"x": 1},
	}
}

func nestedLocal() int {
	m := map[string]map[string]int{"b": {"y": 2}}
	return m["b"]["y"]
}

func main() {
	sinkMap = nested()
	println(nestedLocal())
}
