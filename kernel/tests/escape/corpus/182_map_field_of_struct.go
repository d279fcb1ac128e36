package main

type registry struct {
	items map[string]int
}

func newRegistry() *registry {
	return &registry{items: make(map[string]int)}
}

func (r *registry) add(k string) {
	r.items[k]++
}

// A map inside a struct constructed by a constructor.
func use() int {
	r := newRegistry()
	r.add("x")
	return len(r.items)
}

func main() {
	println(use())
}
