package main

type Code int

func main() {
	defer func() {
		r := recover()
		panic(Code(r.(int) + 1))
	}()
	panic(41)
}
