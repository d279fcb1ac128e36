package main

type T struct {
	n int
}

func (t *T) Add(d int) int {
	t.n += d
	return t.n
}

func (t T) Twice() int {
	return t.n * 2
}

var sinkInt int

// Method expressions are plain functions: no closure is built.
func useExpr() int {
	t := T{n: 1}
	add := (*T).Add
	twice := T.Twice
	return add(&t, 2) + twice(t)
}

func main() {
	sinkInt = useExpr()
}
