package main

import "fmt"

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println("int8 127+1 =", i8)
	var u8 uint8 = 0
	u8--
	fmt.Println("uint8 0-1 =", u8)
	var i16 int16 = -32768
	i16--
	fmt.Println("int16 min-1 =", i16)
	var i32 int32 = 2147483647
	i32 += 10
	fmt.Println("int32 max+10 =", i32)
	var i64 int64 = 9223372036854775807
	i64++
	fmt.Println("int64 max+1 =", i64)
	var u32 uint32 = 4000000000
	u32 *= 2
	fmt.Println("uint32 4e9*2 =", u32)
	x := int32(-2147483648)
	fmt.Println("-min32 =", -x, "min32*-1 =", x*-1)
	var u uint = 3
	fmt.Println("uint 3-5 =", u-5)
	h := uint32(2166136261)
	for _, c := range []byte("hash me") {
		h ^= uint32(c)
		h *= 16777619
	}
	fmt.Println("fnv32a =", h)
	var b byte = 250
	for range 10 {
		b += 1
	}
	fmt.Println("byte wrap =", b)
	m := int64(1) << 62
	fmt.Println(m*2, m*4)
}
