package main

type holder struct {
	p *int
}

var sinkInt int

// Storing &x into a struct value that stays local.
func storeInValue() int {
	x := 5
	var h holder
	h.p = &x
	return *h.p
}

// Storing &x into a struct behind a pointer: heap hole.
func storeViaPointer() int {
	x := 6
	h := &holder{}
	h.p = &x
	return *h.p
}

func main() {
	sinkInt = storeInValue() + storeViaPointer()
}
