// gomem-test: -v -run=TestTable/even
package main

import "testing"

func TestTable(t *testing.T) {
	for _, n := range []int{1, 2, 3, 4} {
		name := "odd"
		if n%2 == 0 {
			name = "even"
		}
		t.Run(name, func(t *testing.T) {
			t.Log("n =", n)
		})
	}
}

func TestOther(t *testing.T) {
	t.Error("filtered out")
}
