package main

import "fmt"

var sinkStr string

func format(name string, age int) string {
	return fmt.Sprintf("%s is %d", name, age)
}

func printf(v float64) {
	fmt.Printf("%.2f\n", v)
}

func main() {
	sinkStr = format("ann", 30)
	printf(1.5)
}
