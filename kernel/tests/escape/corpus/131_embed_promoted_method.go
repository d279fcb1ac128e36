package main

type base struct {
	id int
}

func (b *base) ID() int {
	return b.id
}

type derived struct {
	base
	name string
}

var sinkInt int

// Calling a promoted pointer method on an embedded struct.
func useDerived() int {
	d := derived{base: base{id: 7}, name: "d"}
	return d.ID()
}

func newDerived() *derived {
	return &derived{base: base{id: 8}}
}

func main() {
	sinkInt = useDerived() + newDerived().ID()
}
