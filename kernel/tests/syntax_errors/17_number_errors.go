package main

func main() {
	a := 0x
	b := 09
	c := 1__0
	d := 0b102
	e := 1e
	f := 0x1.5
	g := 0o1.2
	h := 1_
	println(a, b, c, d, e, f, g, h)
}
