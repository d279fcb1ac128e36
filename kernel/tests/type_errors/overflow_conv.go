package main

func main() {
	println(byte(300))
}
