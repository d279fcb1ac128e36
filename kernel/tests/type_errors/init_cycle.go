package main

var x = y
var y = x

func main() {
}
