package main

type item struct {
	id int
}

var sinkItems []*item
var sinkInt int

// A slice literal of pointers to literals, returned.
func itemsRet() []*item {
	return []*item{{id: 1}, {id: 2}}
}

// The same but only summed locally.
func itemsLocal() int {
	s := []*item{{id: 3}, {id: 4}}
	return s[0].id + s[1].id
}

func main() {
	sinkItems = itemsRet()
	sinkInt = itemsLocal()
}
