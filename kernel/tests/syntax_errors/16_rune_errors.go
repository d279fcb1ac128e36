package main

func main() {
	a := ''
	b := 'ab'
	c := '\q'
	d := "\x4g"
	e := '\400'
	f := "\uD800"
	println(a, b, c, d, e, f)
}
