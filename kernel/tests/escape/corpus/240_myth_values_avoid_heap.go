package main

import "fmt"

type money struct {
	cents int64
}

// Myth: "passing values instead of pointers avoids the heap".
func printMoney(m money) {
	fmt.Println(m)
}

func printCents(m money) {
	fmt.Println(m.cents)
}

func main() {
	printMoney(money{100})
	printCents(money{200})
}
