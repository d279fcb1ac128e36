package main

var sinkInts []int

// append whose result is returned.
func appendRet(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

func main() {
	sinkInts = appendRet(5)
}
