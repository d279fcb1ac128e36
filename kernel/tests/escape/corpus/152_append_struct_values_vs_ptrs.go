package main

type item struct {
	id   int
	name string
}

var sinkInt int

// []T: values are copied into the backing store.
func values(n int) int {
	var s []item
	for i := 0; i < n; i++ {
		s = append(s, item{id: i})
	}
	return len(s)
}

// []*T: each element is a separate allocation that escapes.
func pointers(n int) int {
	var s []*item
	for i := 0; i < n; i++ {
		s = append(s, &item{id: i})
	}
	return len(s)
}

func main() {
	sinkInt = values(3) + pointers(3)
}
