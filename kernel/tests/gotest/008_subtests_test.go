package main

import "testing"

func TestSubtests(t *testing.T) {
	t.Run("passes", func(t *testing.T) {
		t.Log("hidden")
	})
	t.Run("with spaces in name", func(t *testing.T) {
		t.Error("failing subtest")
	})
	t.Run("dup", func(t *testing.T) {})
	t.Run("dup", func(t *testing.T) {
		t.Error("second dup:", t.Name())
	})
	t.Run("nested", func(t *testing.T) {
		t.Run("deeper", func(t *testing.T) {
			t.Error("deep failure\nwith two lines")
		})
		t.Log("after deeper")
	})
}

func TestAllSubtestsPass(t *testing.T) {
	for _, name := range []string{"a", "b", "c"} {
		t.Run(name, func(t *testing.T) {
			if name == "" {
				t.Fatal("empty name")
			}
		})
	}
}
