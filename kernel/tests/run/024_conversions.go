package main

import "fmt"

func main() {
	v := 300
	fmt.Println(uint8(v), int8(v), int16(v*200), uint16(-v))
	neg := -1
	fmt.Println(uint32(neg), uint64(neg), uint8(neg))
	f := 3.99
	fmt.Println(int(f), int(-f), float32(f), int64(f*100))
	r := rune(0x4e16)
	fmt.Println(string(r), string(rune(65)), string(rune(-1)))
	bs := []byte("héllo")
	rs := []rune("héllo")
	fmt.Println(len(bs), len(rs), string(bs[1:3]), string(rs[1]))
	fmt.Println(string(rs[:2]), string(bs[:2]))
	var by byte = 'z'
	fmt.Println(by, rune(by), string(by))
	type Celsius float64
	type Fahrenheit float64
	c := Celsius(100)
	fl := Fahrenheit(c*9/5 + 32)
	fmt.Println(c, fl)
	fmt.Printf("%T %T\n", c, fl)
	big := int64(1) << 40
	fmt.Println(int32(big), int32(big+5), uint16(big-1))
}
