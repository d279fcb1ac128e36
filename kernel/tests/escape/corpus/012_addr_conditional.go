package main

var sinkInt int

// Only one branch returns the address, but that is enough.
func maybeAddr(flag bool) *int {
	x := 10
	y := 20
	if flag {
		return &x
	}
	p := &y
	*p++
	return nil
}

func main() {
	if p := maybeAddr(true); p != nil {
		sinkInt = *p
	}
	if maybeAddr(false) == nil {
		sinkInt++
	}
}
