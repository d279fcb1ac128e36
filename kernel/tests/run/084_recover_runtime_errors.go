package main

import "fmt"

type T struct{ X int }

func catch(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Printf("%-10s %T: %v\n", name, r, err.Error())
			return
		}
		fmt.Printf("%-10s %v\n", name, r)
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	idx := 5
	var m map[string]int
	var p *T
	zero := 0
	var i any = "s"
	lo, hi := 3, 1
	catch("index", func() { _ = s[idx] })
	catch("negindex", func() { _ = s[idx-10] })
	catch("slice", func() { _ = s[1:idx] })
	catch("slice2", func() { _ = s[lo:hi] })
	catch("nilmap", func() { m["a"] = 1 })
	catch("nilptr", func() { fmt.Println(p.X) })
	catch("divzero", func() { fmt.Println(10 / zero) })
	catch("modzero", func() { fmt.Println(10 % zero) })
	catch("assert", func() { fmt.Println(i.(int)) })
	catch("assert2", func() { fmt.Println(i.(fmt.Stringer)) })
	catch("str", func() { str := "abc"; _ = str[idx] })
	catch("makeslice", func() { _ = make([]int, idx-10) })
	catch("closed", func() { c := make(chan int); close(c); close(c) })
	catch("arr", func() { var a [3]int; _ = a[idx-2] })
}
