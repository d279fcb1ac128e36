package main

import "fmt"

func main() {
	fmt.Printf("%d\n", "str")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%t\n", 1.5)
	fmt.Printf("%z\n", 3)
	fmt.Printf("no verbs\n", "extra", 7)
	fmt.Printf("%!\n")
	fmt.Printf("%x\n", 2.5)
	fmt.Printf("%d\n", []string{"a"})
	fmt.Printf("%s\n", nil)
	fmt.Printf("%d\n", nil)
	fmt.Printf("trailing %")
	fmt.Println()
	s := fmt.Sprintf("%d-%s", 5)
	fmt.Println(s)
}
