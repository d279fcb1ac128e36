package main

type b128 struct {
	a [16]int64
}

type b136 struct {
	a [17]int64
}

var sinkInt int

// 128 bytes is still captured by value; 136 bytes by reference.
func capture128() func() int64 {
	var v b128
	return func() int64 { return v.a[0] }
}

func capture136() func() int64 {
	var v b136
	return func() int64 { return v.a[0] }
}

func main() {
	sinkInt = int(capture128()() + capture136()())
}
