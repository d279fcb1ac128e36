package main

import "fmt"

type Handler struct {
	OnEvent func(string)
}

func main() {
	h := Handler{}
	fmt.Println("calling nil func field")
	h.OnEvent("x")
}
