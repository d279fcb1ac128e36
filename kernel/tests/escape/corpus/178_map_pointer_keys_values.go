package main

var sinkInt int

// Keys stored into a map escape.
func mapPtrKey() int {
	x := 1
	m := map[*int]bool{}
	m[&x] = true
	return len(m)
}

// Values stored into a map escape too.
func mapPtrValue() int {
	y := 2
	m := map[int]*int{}
	m[0] = &y
	return *m[0]
}

// Lookups with a pointer key do not.
func mapLookupPtr(m map[*int]bool) bool {
	z := 3
	return m[&z]
}

func main() {
	sinkInt = mapPtrKey() + mapPtrValue()
	if mapLookupPtr(map[*int]bool{}) {
		sinkInt++
	}
}
