package main

var sinkInt int

// A variable declared outside the loop, assigned the address of an outer value.
func outerAddr(xs []int) int {
	best := 0
	var p *int
	for i := range xs {
		if xs[i] > best {
			best = xs[i]
			p = &best
		}
	}
	if p == nil {
		return 0
	}
	return *p
}

func main() {
	sinkInt = outerAddr([]int{3, 1, 4})
}
