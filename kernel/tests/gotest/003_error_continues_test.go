package main

import "testing"

func TestErrorContinues(t *testing.T) {
	t.Error("first problem")
	t.Log("still running after Error")
	t.Errorf("second problem: %d", 2)
	t.Log("and still running")
}

func TestPasses(t *testing.T) {
	t.Log("this log is not shown: the test passes")
}

func TestErrorArgs(t *testing.T) {
	t.Error("values:", 1, 2.5, true, "text", []int{1, 2})
}
