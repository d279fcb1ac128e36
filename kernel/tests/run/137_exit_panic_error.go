package main

import (
	"errors"
	"fmt"
)

var ErrBase = errors.New("disk full")

func save() error { return fmt.Errorf("save config: %w", ErrBase) }

func main() {
	if err := save(); err != nil {
		panic(err)
	}
}
