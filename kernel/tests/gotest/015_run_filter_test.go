// gomem-test: -run=Alpha|Gamma
package main

import "testing"

func TestAlpha(t *testing.T) { t.Error("alpha fails") }

func TestBeta(t *testing.T) { t.Error("beta is filtered out") }

func TestGammaOne(t *testing.T) {}

func TestGammaTwo(t *testing.T) { t.Error("gamma two fails") }
