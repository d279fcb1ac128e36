package main

var sinkInt int

// Map size hints, constant and variable.
func mapHint() int {
	m := make(map[int]int, 100)
	return len(m)
}

func mapHintSmall() int {
	m := make(map[int]int, 8)
	m[1] = 1
	return len(m)
}

func mapHintVar(n int) int {
	m := make(map[string]bool, n)
	m["x"] = true
	return len(m)
}

func main() {
	sinkInt = mapHint() + mapHintSmall() + mapHintVar(3)
}
