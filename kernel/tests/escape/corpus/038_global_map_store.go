package main

var index = map[string]*int{}

// Storing pointers into a global map.
func put(k string, v int) {
	x := v
	index[k] = &x
}

func get(k string) int {
	if p, ok := index[k]; ok {
		return *p
	}
	return -1
}

func main() {
	put("a", 1)
	println(get("a"), get("b"))
}
