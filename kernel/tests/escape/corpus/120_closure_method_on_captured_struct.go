package main

type acc struct {
	total int
}

func (a *acc) add(v int) {
	a.total += v
}

var sinkInt int

// The closure calls a pointer method on a captured struct.
func accumulate(xs []int) int {
	var a acc
	f := func(v int) { a.add(v) }
	for _, x := range xs {
		f(x)
	}
	return a.total
}

func main() {
	sinkInt = accumulate([]int{1, 2})
}
