package main

var sinkInt int

// A closure called exactly once is inlined even if it is large-ish.
func once(xs []int) int {
	total := 0
	func() {
		for _, x := range xs {
			if x > 0 {
				total += x
			} else {
				total -= x
			}
		}
	}()
	return total
}

func main() {
	sinkInt = once([]int{1, -2})
}
