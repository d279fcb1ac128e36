package main

import "fmt"

func main() {
	a, b := 0.1, 0.2
	fmt.Println(a+b, a*3, 1.0/3.0)
	fmt.Println(1e6, 1e20, 1e21, 1e-4, 1e-5, 123456789.0)
	fmt.Println(float32(0.1), float32(1)/3, float64(float32(0.1)))
	fmt.Printf("%f %.2f %8.3f|%-8.3f|%08.3f\n", 3.14159, 3.14159, 3.14159, 3.14159, -3.14159)
	fmt.Printf("%g %g %g %g\n", 100000.0, 1000000.0, 1e21, 0.000012345)
	fmt.Printf("%v %v %.3g %.10g\n", 2.5, 2.0, 1234.5678, 1.0/7)
	zero := 0.0
	fmt.Println(1/zero, -1/zero, zero/zero, -zero)
	fmt.Printf("%f %g %v\n", 1/zero, -1/zero, zero/zero)
	var f32 float32 = 16777216
	fmt.Println(f32+1, f32+2)
	fmt.Printf("%6.1f|%-6.1f|%+.1f\n", 2.25, 2.35, 2.45)
	fmt.Println(float64(7)/2, 7/2, -7.5, 2.0e-7)
}
