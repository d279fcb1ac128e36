package main

import "fmt"

const huge = 1e1000000000

func main() {
	var f float32 = 1e39
	const typed float64 = 0.1
	fmt.Println(f, typed, huge, 1<<3.5)
}
