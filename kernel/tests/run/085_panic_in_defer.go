package main

import "fmt"

func f() {
	defer func() {
		fmt.Println("first deferred, recover:", recover())
	}()
	defer func() {
		panic("second panic")
	}()
	panic("first panic")
}

func g() (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = fmt.Sprint("g recovered: ", r)
		}
	}()
	defer fmt.Println("g deferred print runs during panic")
	var arr []int
	_ = arr[0]
	return "not reached"
}

func h(depth int) {
	defer fmt.Println("unwind", depth)
	if depth == 3 {
		panic(fmt.Sprintf("deep %d", depth))
	}
	h(depth + 1)
}

func main() {
	f()
	fmt.Println(g())
	func() {
		defer func() { fmt.Println("caught:", recover()) }()
		h(0)
	}()
	fmt.Println("end")
}
