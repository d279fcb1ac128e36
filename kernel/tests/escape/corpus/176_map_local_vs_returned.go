package main

var sinkMap map[int]int
var sinkInt int

// A local map and a returned map.
func mapLocal() int {
	m := make(map[int]int)
	m[1] = 2
	return len(m)
}

func mapRet() map[int]int {
	return make(map[int]int)
}

func main() {
	sinkInt = mapLocal()
	sinkMap = mapRet()
}
