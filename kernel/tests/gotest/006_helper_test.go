package main

import "testing"

func checkEqual(t *testing.T, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("got %d, want %d", got, want)
	}
}

func checkViaHelper(t *testing.T, got, want int) {
	t.Helper()
	checkEqual(t, got, want)
}

func notAHelper(t *testing.T, got, want int) {
	if got != want {
		t.Errorf("not a helper: got %d, want %d", got, want)
	}
}

func TestHelpers(t *testing.T) {
	checkEqual(t, 1, 1)
	checkEqual(t, 1, 2)
	checkViaHelper(t, 3, 4)
	notAHelper(t, 5, 6)
}

func TestHelperInLoop(t *testing.T) {
	for i := range 3 {
		checkEqual(t, i, 1)
	}
}
