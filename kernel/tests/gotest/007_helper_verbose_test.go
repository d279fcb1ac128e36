// gomem-test: -v
package main

import "testing"

func mustPositive(t *testing.T, x int) {
	t.Helper()
	if x <= 0 {
		t.Fatalf("%d is not positive", x)
	}
	t.Logf("%d is positive", x)
}

func TestPositive(t *testing.T) {
	mustPositive(t, 3)
	mustPositive(t, 0)
	mustPositive(t, 5)
}

func TestHelperClosure(t *testing.T) {
	check := func(ok bool, what string) {
		t.Helper()
		if !ok {
			t.Error("failed:", what)
		}
	}
	check(true, "one")
	check(false, "two")
}
