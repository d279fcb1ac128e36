package main

var closed int

func closeIt(p *int) {
	closed += *p
}

// A deferred named call inside a loop.
func many(n int) {
	for i := 0; i < n; i++ {
		v := i
		defer closeIt(&v)
	}
}

func main() {
	many(3)
	println(closed)
}
