package main

var sinkInt int

// A higher-order function that calls its parameter: f does not escape.
func each(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

func sum(xs []int) int {
	t := 0
	each(xs, func(v int) { t += v })
	return t
}

func main() {
	sinkInt = sum([]int{4, 5})
}
