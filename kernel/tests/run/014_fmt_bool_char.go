package main

import "fmt"

func main() {
	t, f := true, false
	fmt.Println(t, f, t && f, t || f, !t)
	fmt.Printf("%t %v %5t|\n", t, f, t)
	var r rune = 'G'
	var b byte = 'g'
	fmt.Println(r, b, string(r), string(b))
	fmt.Printf("%c %c %v %v %q %q\n", r, b, r, b, r, b)
	for _, c := range "aé" {
		fmt.Printf("%c=%d(%T) ", c, c, c)
	}
	fmt.Println()
	fmt.Printf("%d %t\n", true, 5)
	fmt.Printf("%c\n", []rune{'x', 'y'})
	fmt.Printf("%v\n", []bool{true, false})
}
