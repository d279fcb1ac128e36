package main

var x

func main() {
	var y
	println(y)
}
