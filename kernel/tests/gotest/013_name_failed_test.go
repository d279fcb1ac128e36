package main

import (
	"fmt"
	"testing"
)

func TestName(t *testing.T) {
	fmt.Println("name:", t.Name())
	t.Run("sub test", func(t *testing.T) {
		fmt.Println("name:", t.Name())
		t.Run("x/y", func(t *testing.T) {
			fmt.Println("name:", t.Name())
		})
	})
}

func TestFailed(t *testing.T) {
	fmt.Println("failed before:", t.Failed())
	t.Fail()
	fmt.Println("failed after Fail:", t.Failed())
}

func TestSubFailureMarksParent(t *testing.T) {
	ok := t.Run("child", func(t *testing.T) { t.Fail() })
	fmt.Println("child ok:", ok, "parent failed:", t.Failed())
}
