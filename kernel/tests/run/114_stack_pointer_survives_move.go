package main

import "fmt"

func grow(n int) int {
	var pad [32]int
	pad[0] = n
	if n == 0 {
		return 0
	}
	return grow(n-1) + pad[0] - n
}

func main() {
	local := [4]int{1, 2, 3, 4}
	p := &local[2]
	q := &local
	fmt.Println(*p, q[3])
	grow(200000)
	*p += 10
	fmt.Println(local, *p, q[2])
	s := local[:]
	grow(100000)
	s[0] = 99
	fmt.Println(local[0], len(s))
	fmt.Println("stack moved (copied) but pointers into it were adjusted")
}
