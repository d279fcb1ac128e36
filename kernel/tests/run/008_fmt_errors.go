package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type CodeError struct {
	Code int
	Msg  string
}

func (c *CodeError) Error() string { return fmt.Sprintf("code %d: %s", c.Code, c.Msg) }

func find(k string) error {
	if k == "x" {
		return &CodeError{404, "no x"}
	}
	return fmt.Errorf("find %q: %w", k, ErrNotFound)
}

func main() {
	e1 := find("a")
	fmt.Println(e1)
	fmt.Println(errors.Is(e1, ErrNotFound), errors.Unwrap(e1) == ErrNotFound)
	e2 := find("x")
	fmt.Printf("%v | %s | %T\n", e2, e2, e2)
	var ce *CodeError
	fmt.Println(errors.As(e2, &ce), ce.Code)
	wrapped := fmt.Errorf("outer: %w", e2)
	fmt.Println(wrapped, errors.As(wrapped, &ce), ce.Msg)
	j := errors.Join(errors.New("first"), errors.New("second"))
	fmt.Println(j)
	fmt.Printf("%q\n", j.Error())
	fmt.Println(errors.Is(j, ErrNotFound))
	fmt.Printf("%v\n", fmt.Errorf("no wrap %d", 3))
	fmt.Printf("%T %T\n", fmt.Errorf("x"), fmt.Errorf("x %w", ErrNotFound))
}
