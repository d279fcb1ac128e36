package main

func main() {
	println(1) /* this comment
	never ends
