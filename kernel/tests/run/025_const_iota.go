package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const (
	A, B = iota, iota * 10
	C, D
	E, F
)

type Flags uint8

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
)

const big = 1 << 100

func main() {
	fmt.Println(Sunday, Monday, Tuesday)
	fmt.Println(KB, MB, GB)
	fmt.Println(A, B, C, D, E, F)
	f := FlagA | FlagC
	fmt.Println(f, f&FlagB != 0, f&FlagC != 0)
	fmt.Printf("%03b %T\n", f, f)
	fmt.Println(big >> 98)
	const typed int8 = 100
	fmt.Println(typed, 'a'+1, "s"+"t")
	x := 5
	fmt.Println(x/2, x/2.0 == 2)
	fmt.Printf("%T %T %T\n", 1<<3, 2.0*3, 'a'*2)
}
