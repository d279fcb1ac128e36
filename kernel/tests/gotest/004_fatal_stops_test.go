package main

import (
	"fmt"
	"testing"
)

func TestFatalStops(t *testing.T) {
	defer t.Log("deferred log runs after Fatal")
	t.Log("before Fatal")
	t.Fatal("fatal problem")
	t.Log("never printed")
}

func TestFatalfStops(t *testing.T) {
	for i := range 5 {
		if i == 2 {
			t.Fatalf("stopped at i=%d", i)
		}
		t.Logf("i=%d", i)
	}
}

func TestAfterFatal(t *testing.T) {
	fmt.Println("the next test still runs")
}
