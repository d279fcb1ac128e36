package main

type list struct {
	items []*int
}

func (l *list) push(p *int) {
	l.items = append(l.items, p)
}

var sinkInt int

// A pointer method that stores its argument through the receiver.
func build() int {
	var l list
	a, b := 1, 2
	l.push(&a)
	l.push(&b)
	return len(l.items)
}

func main() {
	sinkInt = build()
}
