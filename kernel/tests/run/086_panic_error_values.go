package main

import (
	"errors"
	"fmt"
)

var ErrSentinel = errors.New("sentinel")

type ValidationError struct {
	Field string
}

func (v ValidationError) Error() string { return "invalid " + v.Field }

func validate(name string) {
	if name == "" {
		panic(ValidationError{"name"})
	}
	if name == "x" {
		panic(fmt.Errorf("validate: %w", ErrSentinel))
	}
}

func check(name string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
				return
			}
			panic(r)
		}
	}()
	validate(name)
	return nil
}

func main() {
	for _, n := range []string{"ok", "", "x"} {
		err := check(n)
		var ve ValidationError
		fmt.Printf("%q -> %v | sentinel=%v validation=%v\n", n, err, errors.Is(err, ErrSentinel), errors.As(err, &ve))
	}
}
