package main

var sinkInt int

// new of arrays of different sizes kept local.
func newArr() int {
	a := new([1024]int)
	b := new([16]int64)
	return len(a) + len(b)
}

func newArrRet() *[32]byte {
	return new([32]byte)
}

func main() {
	sinkInt = newArr() + len(newArrRet())
}
