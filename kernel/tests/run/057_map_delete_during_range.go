package main

import "fmt"

func main() {
	m := map[string]int{}
	for i := range 30 {
		m[fmt.Sprintf("k%02d", i)] = i
	}
	for k, v := range m {
		if v%3 != 0 {
			delete(m, k)
		}
	}
	fmt.Println(len(m), m)
	for k := range m {
		delete(m, k)
	}
	fmt.Println(len(m), m)
	n := map[int]int{1: 1, 2: 2, 3: 3}
	total := 0
	for k, v := range n {
		total += k + v
		n[k] = v * 10
	}
	fmt.Println(total, n)
}
