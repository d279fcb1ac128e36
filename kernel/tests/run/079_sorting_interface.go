package main

import "fmt"

type Lesser interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

type ByAge []Person
type Person struct {
	Name string
	Age  int
}

func (a ByAge) Len() int { return len(a) }
func (a ByAge) Less(i, j int) bool {
	return a[i].Age < a[j].Age || (a[i].Age == a[j].Age && a[i].Name < a[j].Name)
}
func (a ByAge) Swap(i, j int) { a[i], a[j] = a[j], a[i] }

func insertionSort(data Lesser) int {
	swaps := 0
	for i := 1; i < data.Len(); i++ {
		for j := i; j > 0 && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
			swaps++
		}
	}
	return swaps
}

func main() {
	people := ByAge{{"Eve", 40}, {"Bob", 25}, {"Al", 31}, {"Cy", 25}, {"Di", 18}}
	n := insertionSort(people)
	fmt.Println(n, people)
	fmt.Printf("%+v\n", people[0])
}
