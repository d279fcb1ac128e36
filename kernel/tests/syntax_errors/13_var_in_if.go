package main

func main() {
	if var x = 1; x > 0 {
		println(x)
	}
}
