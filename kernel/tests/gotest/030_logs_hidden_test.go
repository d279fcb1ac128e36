package main

import "testing"

func TestQuiet(t *testing.T) {
	t.Log("passing tests do not show their logs without -v")
	t.Run("sub", func(t *testing.T) {
		t.Log("neither do passing subtests")
	})
}

func TestSkippedQuietly(t *testing.T) {
	t.Skip("skips are not shown either")
}
