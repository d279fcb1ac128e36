package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var gs []func() string
	for _, s := range []string{"a", "b", "c"} {
		gs = append(gs, func() string { return s })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()
	var ptrs []*int
	for i := range 3 {
		ptrs = append(ptrs, &i)
	}
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Println()
	shared := 0
	var hs []func() int
	for i := 0; i < 3; i++ {
		shared = i
		hs = append(hs, func() int { return shared })
	}
	for _, h := range hs {
		fmt.Print(h(), " ")
	}
	fmt.Println()
	for i := 0; i < 5; i++ {
		i++
		fmt.Print(i, " ")
	}
	fmt.Println()
}
