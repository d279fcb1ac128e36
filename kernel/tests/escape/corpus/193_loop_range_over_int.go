package main

var sinkInt int

// range over an int (Go 1.22+).
func rangeInt(n int) int {
	t := 0
	for i := range n {
		p := &i
		t += *p
	}
	return t
}

var kept []*int

func rangeIntKeep(n int) {
	for i := range n {
		kept = append(kept, &i)
	}
}

func main() {
	sinkInt = rangeInt(4)
	rangeIntKeep(2)
}
