// gomem-test: -v
package main

import "testing"

func TestSkip(t *testing.T) {
	t.Skip("skipping", 1, "thing")
}

func TestSkipNow(t *testing.T) {
	defer t.Log("deferred after SkipNow")
	t.SkipNow()
}

func TestPasses(t *testing.T) {
	t.Log("passing")
}

func TestSubSkips(t *testing.T) {
	t.Run("a", func(t *testing.T) { t.Skipf("skip %s", "a") })
	t.Run("b", func(t *testing.T) {})
}
