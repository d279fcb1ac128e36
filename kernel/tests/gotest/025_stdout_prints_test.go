package main

import (
	"fmt"
	"testing"
)

func TestPrintsAndFails(t *testing.T) {
	fmt.Println("printed by the test")
	t.Log("logged by the test")
	fmt.Printf("%d %s\n", 42, "formatted")
	t.Error("the failure")
	fmt.Print("no newline at the end")
}

func TestPrintsAndPasses(t *testing.T) {
	fmt.Println("this passing test's output is still shown, because the package fails")
}
