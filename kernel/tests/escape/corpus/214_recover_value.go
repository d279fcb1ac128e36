package main

var sinkAny any

// The recovered value is stored.
func capture(f func()) {
	defer func() {
		sinkAny = recover()
	}()
	f()
}

func main() {
	capture(func() { panic("boom") })
	println(sinkAny != nil)
}
