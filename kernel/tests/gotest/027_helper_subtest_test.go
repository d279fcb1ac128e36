package main

import "testing"

func expect(t *testing.T, ok bool, msg string) {
	t.Helper()
	if !ok {
		t.Error(msg)
	}
}

func TestHelperInSubtests(t *testing.T) {
	t.Run("direct", func(t *testing.T) {
		expect(t, false, "failed in subtest")
	})
	t.Run("helper closure", func(t *testing.T) {
		t.Helper()
		t.Error("subtest function marked as helper")
	})
	expect(t, false, "failed in parent")
}
