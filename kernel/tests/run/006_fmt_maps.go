package main

import "fmt"

func main() {
	m := map[string]int{"zeta": 26, "alpha": 1, "mid": 13, "Beta": 2}
	fmt.Println(m)
	fmt.Printf("%v\n%+v\n", m, m)
	n := map[int]string{10: "ten", -3: "minus three", 0: "zero", 7: "seven"}
	fmt.Println(n)
	var nilm map[string]bool
	fmt.Println(nilm, len(nilm), nilm == nil)
	nested := map[string]map[string]int{"b": {"y": 2, "x": 1}, "a": {"k": 0}}
	fmt.Println(nested)
	ms := map[string][]int{"odd": {1, 3}, "even": {2, 4}}
	fmt.Println(ms)
	fb := map[float64]bool{2.5: true, -1: false, 0: true}
	fmt.Println(fb)
	bm := map[bool]int{true: 1, false: 0}
	fmt.Println(bm)
	type K struct{ A, B int }
	km := map[K]string{{2, 1}: "c", {1, 2}: "b", {1, 1}: "a"}
	fmt.Println(km)
	im := map[any]int{"s": 1, 2: 2, 1: 3, "a": 4}
	fmt.Println(im)
	fmt.Println(map[string]int{})
}
