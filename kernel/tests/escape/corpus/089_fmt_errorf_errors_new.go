package main

import (
	"errors"
	"fmt"
)

var errBase = errors.New("base")

func wrap(code int) error {
	return fmt.Errorf("code %d: %w", code, errBase)
}

func plain() error {
	return errors.New("plain")
}

func main() {
	if err := wrap(3); err != nil {
		println(err.Error())
	}
	println(plain().Error())
}
