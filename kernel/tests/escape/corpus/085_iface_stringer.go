package main

import "fmt"

type temp struct {
	deg int
}

func (t temp) String() string {
	return fmt.Sprintf("%d C", t.deg)
}

var sinkStr string

// A fmt.Stringer value passed to an interface parameter.
func show(s fmt.Stringer) string {
	return s.String()
}

func main() {
	t := temp{21}
	sinkStr = show(t)
}
