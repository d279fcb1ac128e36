package main

import "fmt"

func main() {
	s := ""
	for i := range 5 {
		s += fmt.Sprint(i)
		s += "-"
	}
	fmt.Println(s, len(s))
	a, b := "apple", "banana"
	fmt.Println(a < b, a > b, a == "apple", "Z" < "a", "ab" < "abc", "" < "a")
	x := "con" + "cat"
	y := "concat"
	fmt.Println(x == y, len(x+y))
	words := []string{"pear", "Apple", "fig", "apple"}
	for i := 1; i < len(words); i++ {
		for j := i; j > 0 && words[j] < words[j-1]; j-- {
			words[j], words[j-1] = words[j-1], words[j]
		}
	}
	fmt.Println(words)
	var parts string
	parts += "a" + "b" + "c" + "d"
	fmt.Println(parts)
}
