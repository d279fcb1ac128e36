package main

import "fmt"

func main() {
	vals := []int{0, 1, -1, 42, -42, 255, 1000000, -9223372036854775807 - 1}
	for _, v := range vals {
		fmt.Printf("%d|%5d|%-5d|%05d|%x|%X|%o|%b\n", v, v, v, v, v, v, v, v)
	}
	var u8 uint8 = 200
	var i8 int8 = -100
	var u64 uint64 = 18446744073709551615
	fmt.Println(u8, i8, u64)
	fmt.Printf("%v %v %v\n", u8, i8, u64)
	fmt.Printf("%x %X %d\n", u64, u8, i8)
	fmt.Printf("%+d %+d % d % d\n", 5, -5, 5, -5)
	fmt.Printf("%c%c%c\n", 71, 111, 33)
	fmt.Printf("%q %q\n", 65, 0x1F600)
	fmt.Printf("%08b %#x %#o\n", 5, 255, 8)
}
