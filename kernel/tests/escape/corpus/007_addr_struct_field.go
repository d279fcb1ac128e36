package main

type pair struct {
	a, b int
}

var sinkInt int

// Address of a field of a local struct escapes the whole struct.
func fieldAddr() *int {
	var p pair
	p.b = 9
	return &p.b
}

// Address of a field used locally only.
func fieldAddrLocal() int {
	p := pair{1, 2}
	q := &p.a
	return *q + p.b
}

func main() {
	sinkInt = *fieldAddr() + fieldAddrLocal()
}
