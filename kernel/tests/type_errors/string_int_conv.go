package main

func main() {
	s := "a"
	n := 1
	println(s * n)
	println(!n)
	println(-s)
}
