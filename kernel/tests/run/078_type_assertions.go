package main

import "fmt"

type T struct{ N int }

func main() {
	var i any = 42
	n, ok := i.(int)
	fmt.Println(n, ok)
	s, ok := i.(string)
	fmt.Printf("%q %v\n", s, ok)
	f, ok := i.(float64)
	fmt.Println(f, ok)
	i = &T{3}
	t, ok := i.(*T)
	fmt.Println(t.N, ok)
	v, ok := i.(T)
	fmt.Println(v, ok)
	var e error
	_, ok = any(e).(error)
	fmt.Println(ok)
	i = nil
	_, ok = i.(any)
	fmt.Println(ok)
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		if err, isErr := r.(error); isErr {
			fmt.Println("is error:", err.Error())
		}
	}()
	i = "str"
	fmt.Println(i.(int))
}
