package main

type bag struct {
	items []int
	label string
}

var sinkBag *bag
var sinkInt int

func newBag() *bag {
	return &bag{items: []int{1, 2}, label: "b"}
}

func bagLocal() int {
	b := bag{items: []int{3, 4, 5}}
	return len(b.items)
}

func main() {
	sinkBag = newBag()
	sinkInt = bagLocal()
}
