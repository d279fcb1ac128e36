package main

type T struct{ a int }

func main() {
	t := T{1}
	if t == T{1} {
		println("eq")
	}
}
