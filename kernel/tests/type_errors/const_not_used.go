package main

func main() {
	1
}
