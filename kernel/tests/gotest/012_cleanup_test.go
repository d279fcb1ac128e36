// gomem-test: -v
package main

import (
	"fmt"
	"testing"
)

func TestCleanupOrder(t *testing.T) {
	t.Cleanup(func() { fmt.Println("cleanup 1") })
	t.Cleanup(func() { fmt.Println("cleanup 2") })
	defer fmt.Println("deferred")
	t.Cleanup(func() { t.Log("cleanup 3 logs") })
	fmt.Println("body")
}

func TestCleanupAfterSubtests(t *testing.T) {
	t.Cleanup(func() { fmt.Println("parent cleanup") })
	t.Run("sub", func(t *testing.T) {
		t.Cleanup(func() { fmt.Println("sub cleanup") })
		fmt.Println("sub body")
	})
	fmt.Println("parent body")
}

func TestCleanupAfterFatal(t *testing.T) {
	t.Cleanup(func() { fmt.Println("cleanup runs after Fatal") })
	t.Fatal("fatal")
}
