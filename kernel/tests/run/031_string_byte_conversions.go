package main

import "fmt"

func upper(b []byte) {
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
}

func main() {
	s := "hello world"
	b := []byte(s)
	upper(b)
	fmt.Println(s, string(b))
	b2 := b
	b2[0] = '#'
	fmt.Println(string(b))
	s2 := string(b)
	b[1] = '?'
	fmt.Println(s2, string(b))
	r := []rune("añb")
	r[1] = 'n'
	fmt.Println(string(r), len(r))
	m := map[string]int{"key": 1}
	k := []byte("key")
	fmt.Println(m[string(k)])
	fmt.Println(string(b[:0]) == "", []byte("") != nil, len([]byte("")))
	fmt.Println(string([]byte{0xe4, 0xb8, 0x96}), []byte("€"))
}
