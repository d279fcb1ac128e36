package main

import "fmt"

func main() {
	m := map[int]int{}
	for i := range 20 {
		m[i*i%17] = i
		fmt.Print(len(m), " ")
	}
	fmt.Println()
	fmt.Println(m)
	big := make(map[int]string, 100)
	for i := range 1000 {
		big[i] = fmt.Sprint(i)
	}
	sum := 0
	for k, v := range big {
		if fmt.Sprint(k) != v {
			fmt.Println("mismatch")
		}
		sum += k
	}
	fmt.Println(len(big), sum)
	for i := range 990 {
		delete(big, i)
	}
	fmt.Println(big)
}
