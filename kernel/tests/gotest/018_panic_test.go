package main

import (
	"fmt"
	"testing"
)

func TestFirst(t *testing.T) {
	fmt.Println("first test runs")
}

func TestPanics(t *testing.T) {
	t.Log("before the panic")
	t.Cleanup(func() { t.Log("cleanup still runs") })
	var m map[string]int
	m["x"] = 1
}

func TestNeverRuns(t *testing.T) {
	fmt.Println("not reached: the test binary crashed")
}
