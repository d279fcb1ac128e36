package main

const big int8 = 100

func main() {
	var x int8 = big * 2
	println(x)
}
