package main

func main() {
	break
	for {
		continue
	}
	switch x := 1; x {
	case 1:
		fallthrough
	case 2:
		fallthrough
	}
	goto L
	y := 2
L:
	println(y)
A:
	if true {
		break A
	}
	for i := 0; i < 2; i++ {
		continue B
	}
	var v interface{} = 1
	switch v.(type) {
	case int:
		fallthrough
	default:
	}
L:
	func() {
		continue
	}()
}
