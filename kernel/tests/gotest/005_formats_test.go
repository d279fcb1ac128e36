package main

import (
	"errors"
	"testing"
)

type point struct{ X, Y int }

func TestFormats(t *testing.T) {
	p := point{1, 2}
	t.Errorf("%v %+v %d %s %q", p, p, 42, "str", "quoted")
	t.Errorf("%5d|%-5d|%05.1f|%x|%t", 7, 7, 3.14159, 255, false)
	t.Error(errors.New("an error value"))
	t.Error(nil, &p == nil)
	t.Errorf("map: %v, slice: %v", map[string]int{"b": 2, "a": 1}, []string{"x", "y"})
}

func TestMultiLineError(t *testing.T) {
	t.Error("line one\nline two\n\nline four")
}
