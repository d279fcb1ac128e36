// gomem-test: -v
package main

import "testing"

func TestA(t *testing.T) {
	t.Error("a fails")
	t.Log("a continues")
}

func TestB(t *testing.T) {
	t.Fatal("b stops")
}

func TestC(t *testing.T) {
	t.Log("c passes")
}
