package main

import "fmt"

func main() {
	s := "héllo, 世界"
	fmt.Println(s, len(s))
	fmt.Printf("%s|%v|%q\n", s, s, s)
	fmt.Printf("%x\n", "hi!")
	fmt.Printf("% x\n", "hi!")
	fmt.Printf("%X\n", "héllo")
	fmt.Printf("[%10s][%-10s][%.3s][%5.1s]\n", "go", "go", "gopher", "gopher")
	fmt.Printf("%q %q %q\n", "tab\there", "quote\"s", "nl\n")
	fmt.Printf("%q\n", "\x00\x7f\xff")
	fmt.Printf("%s|%q\n", "", "")
	b := []byte("bytes")
	fmt.Printf("%s %q %x %v\n", b, b, b, b)
	fmt.Println("a" + "b" + "c")
	fmt.Printf("%5s|%-5s|\n", "世界", "世界")
}
