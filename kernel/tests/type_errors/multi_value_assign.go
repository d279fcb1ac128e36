package main

func f() (int, error) { return 0, nil }

func main() {
	var s string
	var n int
	var i any = 1
	s, _ = f()
	_, n = i.(int)
	s, _ = i.(int)
	var t, u string = f()
	_, _, _, _ = s, n, t, u
}
