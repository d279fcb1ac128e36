package main

import (
	"errors"
	"fmt"
)

func double() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	return a / b, nil
}

func unnamed() int {
	x := 5
	defer func() { x = 50 }()
	return x
}

func wrapErr() (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("wrapErr: %w", err)
		}
	}()
	return errors.New("inner")
}

func counter() (n int) {
	for i := range 4 {
		defer func() { n += i }()
	}
	return 100
}

func main() {
	fmt.Println(double())
	fmt.Println(safeDiv(10, 3))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(unnamed())
	fmt.Println(wrapErr())
	fmt.Println(counter())
}
