package main

func f(a int, s string) int { return a }

func main() {
	println(f(1))
}
