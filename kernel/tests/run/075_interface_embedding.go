package main

import "fmt"

type Reader interface{ Read() string }
type Writer interface{ Write(s string) int }
type ReadWriter interface {
	Reader
	Writer
}

type Buffer struct{ data []string }

func (b *Buffer) Read() string {
	if len(b.data) == 0 {
		return "<empty>"
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

func (b *Buffer) Write(s string) int {
	b.data = append(b.data, s)
	return len(s)
}

func pump(r Reader, w Writer, n int) {
	for range n {
		w.Write(r.Read())
	}
}

func main() {
	var rw ReadWriter = &Buffer{}
	fmt.Println(rw.Write("one"), rw.Write("three"))
	var r Reader = rw
	fmt.Println(r.Read())
	w, ok := r.(Writer)
	fmt.Println(ok, w.Write("x"))
	dst := &Buffer{}
	pump(rw, dst, 3)
	fmt.Println(dst.data, len(rw.(*Buffer).data))
}
