package main

import "fmt"

func main() {
	sum := 0.0
	for range 10 {
		sum += 0.1
	}
	fmt.Println(sum, sum == 1.0)
	var f32 float32
	for range 10 {
		f32 += 0.1
	}
	fmt.Println(f32, f32 == 1.0)
	big := 1e308
	fmt.Println(big*10, -big*10)
	t := 2.999
	fmt.Println(int64(1e18), int(t), int(-t))
	x := 1.0
	for i := 0; i < 5; i++ {
		x /= 3
	}
	fmt.Println(x, x*243)
	fmt.Printf("%.20f\n", 0.1)
	fmt.Println(float32(1e39/1e10), 5/2.0, 1/3.0*3)
	n := 7
	fmt.Println(float64(n)/2, float64(n/2))
	h := 0.5
	fmt.Println(h+h == 1, 0.1+0.2 == 0.3)
	a, b := 0.1, 0.2
	fmt.Println(a+b == 0.3)
}
