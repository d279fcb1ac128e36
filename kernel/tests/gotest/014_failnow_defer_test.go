package main

import (
	"fmt"
	"testing"
)

func setup(t *testing.T) func() {
	fmt.Println("setup")
	return func() { fmt.Println("teardown") }
}

func TestFailNow(t *testing.T) {
	teardown := setup(t)
	defer teardown()
	func() {
		defer fmt.Println("inner deferred")
		t.FailNow()
	}()
	fmt.Println("never printed")
}

func TestRecoverDoesNotStopFailNow(t *testing.T) {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	t.Fatal("fatal inside a function with recover")
}
