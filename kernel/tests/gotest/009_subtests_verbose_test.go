// gomem-test: -v
package main

import "testing"

func TestParentLogs(t *testing.T) {
	t.Log("parent before")
	t.Run("first", func(t *testing.T) {
		t.Log("in first")
	})
	t.Log("parent between")
	t.Run("second", func(t *testing.T) {
		t.Run("inner", func(t *testing.T) {
			t.Log("in inner")
		})
		t.Log("second after inner")
	})
	t.Log("parent after")
}

func TestSubFails(t *testing.T) {
	t.Run("ok", func(t *testing.T) {})
	t.Run("bad", func(t *testing.T) {
		t.Errorf("bad %s", "value")
	})
	t.Run("skipped", func(t *testing.T) {
		t.Skip("not now")
	})
}
