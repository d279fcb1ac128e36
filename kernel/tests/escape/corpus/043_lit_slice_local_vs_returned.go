package main

var sinkInts []int
var sinkInt int

func sliceLitLocal() int {
	s := []int{1, 2, 3}
	return s[0] + s[2]
}

func sliceLitRet() []int {
	return []int{4, 5, 6}
}

func main() {
	sinkInt = sliceLitLocal()
	sinkInts = sliceLitRet()
}
