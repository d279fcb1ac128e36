package main

var sinkInt int
var sinkInts []int

// make with both len and cap, constant and variable.
func lenCap() int {
	s := make([]int, 0, 16)
	s = append(s, 1)
	return len(s)
}

func lenCapVar(n int) int {
	s := make([]int, 0, n)
	s = append(s, 2)
	return len(s)
}

func lenCapRet() []int {
	return make([]int, 0, 4)
}

func main() {
	sinkInt = lenCap() + lenCapVar(4)
	sinkInts = lenCapRet()
}
