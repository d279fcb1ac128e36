package main

type entry struct {
	n    int
	name string
}

var sinkInt int

// Map of struct values vs map of pointers to structs.
func byValue() int {
	m := map[string]entry{}
	m["a"] = entry{n: 1}
	return m["a"].n
}

func byPointer() int {
	m := map[string]*entry{}
	m["a"] = &entry{n: 2}
	return m["a"].n
}

func main() {
	sinkInt = byValue() + byPointer()
}
