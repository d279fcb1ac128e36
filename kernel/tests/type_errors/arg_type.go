package main

func f(s string) {}

func main() {
	f(1)
	x := 2
	f(x)
}
