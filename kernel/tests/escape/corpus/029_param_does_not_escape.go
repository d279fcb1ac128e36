package main

var sinkInt int

// Reading through parameters: "does not escape".
func sum(p *int, s []int, m map[string]int) int {
	t := *p
	for _, v := range s {
		t += v
	}
	return t + m["k"]
}

func main() {
	x := 1
	s := []int{1, 2}
	m := map[string]int{"k": 3}
	sinkInt = sum(&x, s, m)
}
