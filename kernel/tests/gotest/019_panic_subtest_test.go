// gomem-test: -v
package main

import "testing"

func get(s []int, i int) int { return s[i] }

func TestOuter(t *testing.T) {
	t.Log("outer starts")
	t.Run("ok", func(t *testing.T) {})
	t.Run("index", func(t *testing.T) {
		t.Log("about to index")
		_ = get([]int{1, 2, 3}, 5)
	})
	t.Log("not reached")
}
