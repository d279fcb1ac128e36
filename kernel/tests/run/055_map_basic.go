package main

import "fmt"

func main() {
	m := make(map[string]int)
	m["a"] = 1
	m["b"] = 2
	m["a"] += 10
	v, ok := m["a"]
	fmt.Println(v, ok, len(m))
	v, ok = m["zz"]
	fmt.Println(v, ok)
	delete(m, "b")
	delete(m, "not-there")
	fmt.Println(m, len(m))
	m["c"]++
	fmt.Println(m)
	lit := map[int]bool{1: true, 2: false}
	if _, ok := lit[2]; ok {
		fmt.Println("2 present, value", lit[2])
	}
	for k := range lit {
		delete(lit, k)
	}
	fmt.Println(len(lit), lit)
	type P struct{ X, Y int }
	pm := map[string]P{"o": {0, 0}}
	p := pm["o"]
	p.X = 5
	pm["o"] = p
	fmt.Println(pm)
}
