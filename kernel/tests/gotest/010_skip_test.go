package main

import "testing"

func TestSkip(t *testing.T) {
	t.Skip("skipping this test")
	t.Error("never reached")
}

func TestSkipf(t *testing.T) {
	t.Skipf("skip %d of %d", 1, 2)
}

func TestSkipNow(t *testing.T) {
	t.Log("logged before SkipNow")
	t.SkipNow()
}

func TestFailThenSkip(t *testing.T) {
	t.Error("failed first")
	t.Skip("then skipped: still a failure")
}

func TestSkipped(t *testing.T) {
	t.Run("inner", func(t *testing.T) { t.Skip() })
	if t.Skipped() {
		t.Error("parent is not skipped")
	}
}
