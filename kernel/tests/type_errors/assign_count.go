package main

func two() (int, int) { return 1, 2 }

func main() {
	a, b := 1
	c := two()
	println(a, b, c)
}
