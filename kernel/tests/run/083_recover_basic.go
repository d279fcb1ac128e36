package main

import (
	"errors"
	"fmt"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: recovered %v (%T)\n", name, r, r)
	}()
	f()
	fmt.Println(name, "completed normally")
}

type Code int

func main() {
	try("string", func() { panic("boom") })
	try("int", func() { panic(42) })
	try("error", func() { panic(errors.New("an error")) })
	try("custom", func() { panic(Code(7)) })
	try("none", func() {})
	try("fmt", func() { panic(fmt.Sprintf("%d-%d", 1, 2)) })
	try("slice", func() { panic([]int{1, 2}) })
	fmt.Println(recover())
	func() {
		defer func() {
			fmt.Println("outer recover:", recover())
		}()
		func() {
			defer func() {
				fmt.Println("inner recover:", recover())
			}()
			panic("nested")
		}()
		fmt.Println("after inner")
	}()
}
