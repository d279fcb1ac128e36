package main

var sinkInt int

// Implicit allocations (&T{}) obey the 64 KiB limit.
type page struct {
	data [8192]int64
}

type bigPage struct {
	data [8193]int64
}

func smallLit() int {
	p := &page{}
	return len(p.data)
}

func bigLit() int {
	p := &bigPage{}
	return len(p.data)
}

func main() {
	sinkInt = smallLit() + bigLit()
}
