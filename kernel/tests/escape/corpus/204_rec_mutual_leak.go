package main

var global *int

// Mutual recursion where one member leaks to a global.
func ping(p *int, n int) {
	if n == 0 {
		global = p
		return
	}
	pong(p, n-1)
}

func pong(p *int, n int) {
	ping(p, n)
}

func main() {
	x := 1
	ping(&x, 2)
	println(*global)
}
