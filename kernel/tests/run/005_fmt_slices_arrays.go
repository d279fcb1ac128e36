package main

import "fmt"

func main() {
	fmt.Println([]int{1, 2, 3}, []string{"a", "b c", ""}, [3]int{7, 8, 9})
	fmt.Println([][]int{{1}, {2, 3}, {}}, [2][2]bool{{true, false}, {false, true}})
	var ns []int
	fmt.Println(ns, len(ns), ns == nil)
	es := []int{}
	fmt.Println(es, len(es), es == nil)
	fmt.Printf("%v %d %x\n", []int{10, 11}, []int{10, 11}, []int{10, 11})
	fmt.Printf("%q\n", []string{"x", "y\tz"})
	b := []byte{0, 1, 254, 255}
	fmt.Println(b)
	fmt.Printf("%v %x %X % x\n", b, b, b, b)
	var arr [5]byte
	fmt.Println(arr)
	fmt.Printf("%s\n", []byte{104, 105})
	fmt.Println([]float64{1, 2.5, -0.125})
	fmt.Println([]any{1, "a", nil, 2.5, true})
	fmt.Printf("%v|%6v|\n", []int{1}, []int{1, 2})
	fmt.Println([]rune("hé"), []byte("hé"))
}
