package main

var sinkMap map[string]int
var sinkInt int

func mapLitLocal() int {
	m := map[string]int{"a": 1, "b": 2}
	return m["a"] + len(m)
}

func mapLitRet() map[string]int {
	return map[string]int{"x": 9}
}

func main() {
	sinkInt = mapLitLocal()
	sinkMap = mapLitRet()
}
