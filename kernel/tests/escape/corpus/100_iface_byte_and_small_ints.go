package main

var sinkAny any

// Boxing byte, int8, int16 and uint64 variables.
func boxByte(b byte) any {
	return b
}

func boxInt16(v int16) any {
	return v
}

func boxU64(v uint64) any {
	return v
}

func boxFloat(f float64) any {
	return f
}

func main() {
	sinkAny = boxByte(1)
	sinkAny = boxInt16(2)
	sinkAny = boxU64(3)
	sinkAny = boxFloat(4)
}
