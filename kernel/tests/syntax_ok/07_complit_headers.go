package main

type T struct{ a int }

func main() {
	t := T{1}
	if t == (T{1}) {
		println("eq")
	}
	for _, x := range []T{{1}, {2}} {
		_ = x
	}
	switch (T{2}) {
	case t:
	}
	if x := (T{a: 3}); x.a > 0 {
	}
	for i := (T{}); i.a < 3; i.a++ {
	}
	if f := func() T { return T{} }; f().a == 0 {
	}
}
