package main

// Per-iteration loop variables: &i in a loop.
func loopAddr() []*int {
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	return ps
}

func rangeAddr(xs []int) []*int {
	var ps []*int
	for i, x := range xs {
		if i%2 == 0 {
			ps = append(ps, &x)
		}
	}
	return ps
}

func main() {
	println(len(loopAddr()), len(rangeAddr([]int{1, 2, 3})))
}
