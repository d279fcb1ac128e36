package main

var sinkInt int

// append whose result never leaves the function.
func appendLocal() int {
	var s []int
	for i := 0; i < 10; i++ {
		s = append(s, i)
	}
	return len(s)
}

func main() {
	sinkInt = appendLocal()
}
