package main

import (
	"fmt"
	"strings"
)

type Op func(a, b int) int

type Calc struct {
	ops map[string]Op
}

func (c *Calc) Do(name string, a, b int) (int, error) {
	op, ok := c.ops[name]
	if !ok {
		return 0, fmt.Errorf("unknown op %q", name)
	}
	return op(a, b), nil
}

func variadic(prefix string, xs ...int) string {
	parts := []string{}
	for _, x := range xs {
		parts = append(parts, fmt.Sprint(x))
	}
	return prefix + strings.Join(parts, "+") + fmt.Sprintf(" (%d args)", len(xs))
}

func main() {
	c := &Calc{ops: map[string]Op{
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
		"mul": func(a, b int) int { return a * b },
	}}
	for _, n := range []string{"add", "sub", "mul", "div"} {
		r, err := c.Do(n, 7, 3)
		fmt.Println(n, r, err)
	}
	var f Op
	fmt.Println(f == nil)
	fmt.Println(variadic("sum: "), variadic("sum: ", 1), variadic("sum: ", []int{1, 2, 3}...))
	ss := strings.FieldsFunc("a1b22c333", func(r rune) bool { return r >= '0' && r <= '9' })
	fmt.Println(ss)
}
