package main

type none struct{}

var sinkAny any

// Zero-size values boxed into interfaces.
func boxNone() any {
	return none{}
}

func boxNoneVar() any {
	var n none
	return n
}

func main() {
	sinkAny = boxNone()
	sinkAny = boxNoneVar()
}
