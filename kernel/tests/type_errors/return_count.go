package main

func f() (int, error) {
	return 1
}

func g() int {
	return 1, 2
}

func main() {
	f()
	g()
}
