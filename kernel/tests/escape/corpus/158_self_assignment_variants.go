package main

type ring struct {
	data []int
	head []int
}

// Several forms of self-assignment through the same pointer.
func (r *ring) shrink() {
	r.data = r.data[:len(r.data)-1]
	r.head = r.head[1:2]
}

func (r *ring) mix() {
	r.head = r.data[1:]
}

func main() {
	r := &ring{data: []int{1, 2, 3}, head: []int{4, 5, 6}}
	r.shrink()
	r.mix()
	println(len(r.data), len(r.head))
}
