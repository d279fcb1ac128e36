package main

type T struct{ a int }

func main() {
	t := T{}
	println(t.b)
	t.M()
}
