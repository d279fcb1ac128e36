package main

var sinkInt int

// delete and range over a parameter map.
func prune(m map[string]int) int {
	for k, v := range m {
		if v < 0 {
			delete(m, k)
		}
	}
	return len(m)
}

func sumValues(m map[string]int) int {
	t := 0
	for _, v := range m {
		t += v
	}
	return t
}

func main() {
	m := map[string]int{"a": 1, "b": -1}
	sinkInt = prune(m) + sumValues(m)
}
