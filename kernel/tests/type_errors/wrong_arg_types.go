package main

import "fmt"

func f(a int, b ...string) {}

func main() {
	f(1, "a", 2)
	f(1, []string{"a"})
	fmt.Println(undefinedThing)
}
