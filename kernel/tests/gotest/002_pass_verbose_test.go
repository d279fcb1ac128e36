// gomem-test: -v
package main

import "testing"

func square(x int) int { return x * x }

func TestSquare(t *testing.T) {
	t.Log("checking squares")
	for i := range 4 {
		if got := square(i); got != i*i {
			t.Errorf("square(%d) = %d", i, got)
		}
	}
	t.Logf("checked %d values", 4)
}

func TestNothingToSay(t *testing.T) {}

func TestMultiLineLog(t *testing.T) {
	t.Log("first line\nsecond line\nthird line")
	t.Logf("trailing newline is dropped\n")
}
