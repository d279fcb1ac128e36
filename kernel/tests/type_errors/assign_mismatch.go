package main

func main() {
	x := 1
	var s string
	s = x
	println(s)
}
