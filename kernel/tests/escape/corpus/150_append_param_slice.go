package main

var sinkInts []int

// append to a parameter slice returned to the caller.
func push(s []int, v int) []int {
	return append(s, v)
}

// append to a parameter slice, result discarded locally.
func pushCount(s []int, v int) int {
	s = append(s, v)
	return len(s)
}

func main() {
	base := make([]int, 0, 4)
	sinkInts = push(base, 1)
	println(pushCount(base, 2))
}
