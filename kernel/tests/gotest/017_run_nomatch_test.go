// gomem-test: -v -run=NoSuchTest
package main

import "testing"

func TestOne(t *testing.T) { t.Error("not run") }

func TestTwo(t *testing.T) { t.Error("not run either") }
