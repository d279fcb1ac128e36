package main

type builder struct {
	parts []string
}

func (b *builder) add(s string) *builder {
	b.parts = append(b.parts, s)
	return b
}

var sinkInt int

// A fluent builder returning its receiver.
func chain() int {
	b := &builder{}
	b.add("a").add("b").add("c")
	return len(b.parts)
}

func main() {
	sinkInt = chain()
}
