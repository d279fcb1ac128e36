package main

func main() {
	var i int = 1.5
	x := 10
	x = 2.5
	println(i, x)
}
