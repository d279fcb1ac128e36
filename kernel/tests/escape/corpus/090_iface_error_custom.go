package main

type myErr struct {
	code int
}

func (e *myErr) Error() string {
	return "err"
}

// Returning a pointer to a local struct as an error.
func fail(code int) error {
	return &myErr{code: code}
}

// A value-receiver error type boxed on return.
type valErr struct {
	msg string
}

func (e valErr) Error() string {
	return e.msg
}

func failVal(msg string) error {
	return valErr{msg: msg}
}

func main() {
	println(fail(1).Error(), failVal("v").Error())
}
