package main

import "fmt"

func main() {
	rows := []struct {
		Name  string
		Qty   int
		Price float64
	}{{"apple", 3, 0.5}, {"banana", 12, 0.25}, {"cherry", 100, 10}}
	fmt.Printf("%-8s|%5s|%8s\n", "name", "qty", "price")
	for _, r := range rows {
		fmt.Printf("%-8s|%5d|%8.2f\n", r.Name, r.Qty, r.Price)
	}
	fmt.Printf("[%*d] [%-*d]\n", 6, 42, 6, 42)
	fmt.Printf("[%6.2f] [%-8.3f] [%08.2f] [%+8.2f]\n", 3.14159, 2.71828, -1.5, 1.5)
	fmt.Printf("[%3d] [%3d] [%03d]\n", 12345, -1, -1)
	fmt.Printf("[%6t] [%-6t]\n", true, false)
	fmt.Printf("[%4c] [%-4c]\n", 'x', 'y')
	fmt.Printf("[%8x] [%-8X] [%08x]\n", 3054, 3054, 3054)
	fmt.Printf("[%6v] [%-6v]\n", []int{1}, "ab")
	fmt.Printf("[%10v]\n", struct{ A int }{1})
	fmt.Printf("%%d literal %d%%\n", 50)
}
