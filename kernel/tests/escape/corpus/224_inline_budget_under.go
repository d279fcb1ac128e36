package main

var sinkInt int

// A function comfortably under the inline budget.
func small(a []int) int {
	t := 0
	for i := range a {
		t += a[i] * a[i]
		if t > 1000 {
			t -= a[i] / 3
		}
	}
	return t
}

func main() {
	sinkInt = small([]int{1, 2, 3})
}
