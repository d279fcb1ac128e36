package main

import "fmt"

func main() {
	var m map[string]int
	fmt.Println(m["x"], len(m), m == nil)
	v, ok := m["y"]
	fmt.Println(v, ok)
	delete(m, "x")
	for k := range m {
		fmt.Println("never", k)
	}
	fmt.Println(m)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	m["boom"] = 1
	fmt.Println("unreachable")
}
