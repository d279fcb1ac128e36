package main

import "fmt"

type MyErr struct{ msg string }

func (e *MyErr) Error() string {
	if e == nil {
		return "nil *MyErr"
	}
	return e.msg
}

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{"failed"}
	}
	return p
}

func correct(fail bool) error {
	if fail {
		return &MyErr{"failed"}
	}
	return nil
}

func main() {
	e1 := mayFail(false)
	fmt.Println(e1 == nil, e1)
	fmt.Printf("%T %v\n", e1, e1)
	e2 := correct(false)
	fmt.Println(e2 == nil, e2)
	var p *MyErr
	var i any = p
	fmt.Println(p == nil, i == nil, i.(*MyErr) == nil)
	e3 := mayFail(true)
	fmt.Println(e3 != nil, e3)
}
