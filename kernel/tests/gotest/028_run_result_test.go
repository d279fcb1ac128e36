// gomem-test: -v
package main

import (
	"fmt"
	"testing"
)

func TestRunResult(t *testing.T) {
	a := t.Run("passes", func(t *testing.T) {})
	b := t.Run("fails", func(t *testing.T) { t.Fail() })
	c := t.Run("skips", func(t *testing.T) { t.SkipNow() })
	fmt.Println("results:", a, b, c)
	if !b {
		t.Log("a subtest failed, so this test fails too")
	}
}
