package main

func main() {
	s := "unterminated
	println(s)
	r := `raw
