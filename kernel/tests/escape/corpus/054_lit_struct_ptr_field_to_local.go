package main

type link struct {
	target *int
}

var sinkLink *link
var sinkInt int

// A literal containing &local, returned.
func linkRet() *link {
	x := 1
	return &link{target: &x}
}

// The same literal used locally.
func linkLocal() int {
	x := 2
	l := &link{target: &x}
	return *l.target
}

func main() {
	sinkLink = linkRet()
	sinkInt = linkLocal()
}
