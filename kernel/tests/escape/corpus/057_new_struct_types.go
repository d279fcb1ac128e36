package main

type conn struct {
	fd   int
	name string
	buf  [64]byte
}

var sinkConn *conn
var sinkInt int

func newConnLocal() int {
	c := new(conn)
	c.fd = 3
	return c.fd + len(c.buf)
}

func newConnRet() *conn {
	c := new(conn)
	c.name = "x"
	return c
}

func main() {
	sinkInt = newConnLocal()
	sinkConn = newConnRet()
}
