package main

import "testing"

func assertLen(tb testing.TB, s []int, n int) {
	tb.Helper()
	if len(s) != n {
		tb.Errorf("len = %d, want %d", len(s), n)
	}
}

func TestTB(t *testing.T) {
	assertLen(t, []int{1, 2}, 2)
	assertLen(t, []int{1, 2}, 3)
	var tb testing.TB = t
	tb.Log("name via TB:", tb.Name())
}
