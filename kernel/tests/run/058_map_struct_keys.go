package main

import "fmt"

type Key struct {
	Name string
	ID   int
}

func main() {
	m := map[Key]float64{}
	m[Key{"b", 2}] = 2.5
	m[Key{"a", 9}] = 1.5
	m[Key{"a", 1}] = 0.5
	m[Key{"b", 2}] += 1
	fmt.Println(m, len(m))
	fmt.Printf("%+v\n", m)
	am := map[[2]int]string{{1, 2}: "x", {0, 5}: "y"}
	fmt.Println(am, am[[2]int{1, 2}])
	var ik map[any]int = map[any]int{}
	ik[Key{"z", 0}] = 1
	ik[3] = 2
	ik["s"] = 3
	ik[[1]int{4}] = 4
	fmt.Println(len(ik), ik[3], ik[Key{"z", 0}], ik[[1]int{4}])
	pm := map[*int]int{}
	a, b := 1, 1
	pm[&a] = 10
	pm[&b] = 20
	pm[&a]++
	fmt.Println(len(pm), pm[&a], pm[&b])
}
