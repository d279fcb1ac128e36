package main

import "fmt"

func main() {
	memo := map[int]int{}
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		r := fib(n-1) + fib(n-2)
		memo[n] = r
		return r
	}
	fmt.Println(fib(10), fib(50), fib(90), len(memo))
	compose := func(f, g func(int) int) func(int) int {
		return func(x int) int { return g(f(x)) }
	}
	double := func(x int) int { return x * 2 }
	inc := func(x int) int { return x + 1 }
	fmt.Println(compose(double, inc)(5), compose(inc, double)(5))
	var walk func(n, depth int) string
	walk = func(n, depth int) string {
		if n == 0 {
			return "."
		}
		return fmt.Sprintf("(%d%s)", depth, walk(n-1, depth+1))
	}
	fmt.Println(walk(4, 0))
	apply := func(n int, f func()) {
		for range n {
			f()
		}
	}
	cnt := 0
	apply(7, func() { cnt += 3 })
	fmt.Println(cnt)
}
