package main

import (
	"errors"
	"testing"
)

func TestPanicError(t *testing.T) {
	t.Error("an error first")
	panic(errors.New("boom"))
}
