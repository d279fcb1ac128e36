package main

type empty struct{}

var sinkE *empty
var sinkS []int
var sinkInt int

// Zero-size values and empty literals.
func emptyPtr() *empty {
	return &empty{}
}

func emptySlice() []int {
	return []int{}
}

func emptyLocal() int {
	e := &empty{}
	s := []int{}
	if e != nil {
		return len(s)
	}
	return 1
}

func main() {
	sinkE = emptyPtr()
	sinkS = emptySlice()
	sinkInt = emptyLocal()
}
