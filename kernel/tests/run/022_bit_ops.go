package main

import "fmt"

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func main() {
	a, b := 0b1100, 0b1010
	fmt.Printf("%04b %04b %04b %04b\n", a&b, a|b, a^b, a&^b)
	fmt.Println(^0, ^5, ^uint8(5))
	var x uint64 = 0xdeadbeefcafebabe
	fmt.Println(popcount(x), x>>32, x<<60)
	fmt.Printf("%x %x\n", x>>4, x<<4)
	s := uint(70)
	fmt.Println(1<<s, uint32(1)<<s, int64(-1)<<s)
	y := int32(1)
	for i := 0; i < 33; i += 8 {
		fmt.Print(y<<i, " ")
	}
	fmt.Println()
	r := uint8(0b10110001)
	fmt.Printf("%08b %08b\n", r<<3|r>>5, r>>3|r<<5)
}
