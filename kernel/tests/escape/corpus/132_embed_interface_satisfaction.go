package main

type idder interface {
	ID() int
}

type base struct {
	id int
}

func (b base) ID() int {
	return b.id
}

type wrapped struct {
	base
	extra [4]int
}

var sinkInt int

// An embedding struct satisfies the interface through the promoted method.
func viaIface(i idder) int {
	return i.ID()
}

func use() int {
	w := wrapped{base: base{id: 1}}
	return viaIface(w)
}

func main() {
	sinkInt = use()
}
