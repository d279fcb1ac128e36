//go:build linux

package main

var v int //go:nosplit

//go:noinline
var (
	a = 1
)

const (
	//go:noinline
	b = 1
)

//go:systemstack
func main() {
	//go:build x
	v = 1 //go:noinline
	var w = 2 //go:nosplit
	_ = w
	//go:embed foo
}

//go:linkname x y
