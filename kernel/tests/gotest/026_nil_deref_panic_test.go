package main

import "testing"

type config struct{ name string }

func nameOf(c *config) string { return c.name }

func TestNilDeref(t *testing.T) {
	var c *config
	t.Log("name:", nameOf(c))
}
