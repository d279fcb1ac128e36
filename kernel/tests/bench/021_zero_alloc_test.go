package main

import "testing"

// Zero-allocation rewrites: value receivers, pass by value, stack arrays.

type Vec3 struct{ X, Y, Z float64 }

func (v Vec3) Add(o Vec3) Vec3    { return Vec3{v.X + o.X, v.Y + o.Y, v.Z + o.Z} }
func (v Vec3) Dot(o Vec3) float64 { return v.X*o.X + v.Y*o.Y + v.Z*o.Z }
func lenSq(v Vec3) float64        { return v.Dot(v) }
func sumArr(a *[64]byte) (s int) {
	for _, c := range a {
		s += int(c)
	}
	return
}

var sinkF64 float64
var sinkInt int
var sinkVec *Vec3

func BenchmarkValueReceivers(b *testing.B) {
	for range b.N {
		v := Vec3{1, 2, 3}
		v = v.Add(Vec3{1, 1, 1})
		sinkF64 = lenSq(v)
	}
}

func BenchmarkPointerEscapes(b *testing.B) {
	for range b.N {
		v := &Vec3{1, 2, 3}
		sinkVec = v
	}
}

func BenchmarkStackArray(b *testing.B) {
	for i := range b.N {
		var a [64]byte
		a[i%64] = byte(i)
		sinkInt = sumArr(&a)
	}
}

func BenchmarkLocalSliceConst(b *testing.B) {
	for i := range b.N {
		s := make([]int, 10)
		s[i%10] = i
		sinkInt = s[0] + s[9]
	}
}
