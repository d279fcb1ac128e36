package main

func f() string {
	return 1
}

func g() (int, error) {
	return "x", nil
}

func main() {
	f()
	g()
}
