package main

var sinkAny any

// Constants boxed into interfaces: compile-time "escapes", yet static data at run time.
func boxSmall() any {
	return 7
}

func boxBig() any {
	return 7000
}

func boxZero() any {
	return 0
}

func box255() any {
	return 255
}

func boxStr() any {
	return "const"
}

func main() {
	sinkAny = boxSmall()
	sinkAny = boxBig()
	sinkAny = boxZero()
	sinkAny = box255()
	sinkAny = boxStr()
}
