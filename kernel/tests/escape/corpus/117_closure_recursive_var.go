package main

var sinkInt int

// A recursive closure must be declared first and then assigned.
func fib(n int) int {
	var f func(int) int
	f = func(k int) int {
		if k < 2 {
			return k
		}
		return f(k-1) + f(k-2)
	}
	return f(n)
}

func main() {
	sinkInt = fib(10)
}
