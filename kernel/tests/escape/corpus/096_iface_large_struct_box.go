package main

type big struct {
	data [200]int
}

var sinkAny any
var sinkInt int

// Boxing a 1600-byte struct that escapes vs one that stays.
func boxBig() any {
	var b big
	b.data[0] = 1
	return b
}

func boxBigLocal() int {
	var b big
	var i any = b
	return len(i.(big).data)
}

func main() {
	sinkAny = boxBig()
	sinkInt = boxBigLocal()
}
