package main

import "errors"

// panic's argument escapes.
func doPanic(x int) {
	panic(x)
}

func panicErr(msg string) {
	panic(errors.New(msg))
}

func panicPtr() {
	v := 3
	panic(&v)
}

func main() {
	defer func() {
		_ = recover()
	}()
	if len(errors.New("x").Error()) > 5 {
		doPanic(1)
		panicErr("e")
	}
	panicPtr()
}
