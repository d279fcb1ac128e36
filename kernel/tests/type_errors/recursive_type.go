package main

type T struct {
	a int
	t T
}

func main() {
	var t T
	_ = t
}
