package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("a", "b", 1, 2, "c")
	fmt.Print("a", "b", 1, 2, "c", "\n")
	fmt.Print(1, 2, 3, "\n")
	fmt.Print("x", 1, "y", 2.5, true, false, "\n")
	fmt.Print(1, "s", 2, "\n")
	fmt.Print(nil, nil, "\n")
	fmt.Print([]int{1}, []int{2}, "\n")
	s := fmt.Sprint("p", 3, 4, "q")
	fmt.Println(s, len(s))
	s2 := fmt.Sprintln("p", 3, 4, "q")
	fmt.Printf("%q\n", s2)
	fmt.Println()
	fmt.Println("")
	n, err := fmt.Println("count me")
	fmt.Println(n, err)
	fmt.Fprintln(os.Stdout, "to", "stdout")
	fmt.Fprint(os.Stdout, 10, 20, "\n")
	fmt.Fprintf(os.Stdout, "%d-%d\n", 1, 2)
	fmt.Print(true, true, "\n")
	fmt.Print('a', 'b', "\n")
}
