package main

import "fmt"

type Registry struct {
	items map[string]int
}

func main() {
	var r Registry
	fmt.Println("lookup ok:", r.items["x"])
	r.items["x"] = 1
}
