package main

type B bool

func main() {
	var a, b []int
	_ = a == b
	m := map[string]int{}
	var ok B
	var i any
	_, ok = m["a"]
	_, i = m["a"]
	var n int
	_, n = m["a"]
	v, ok := m["b"]
	var _, ok2 B = m["c"]
	_, _, _ = v, i, ok2
}
