package main

func f() int {
	return
}

func main() {
	f()
}
