package main

import "fmt"

type named interface {
	name() string
}

type user struct {
	n string
}

func (u *user) name() string {
	return u.n
}

func (u *user) String() string {
	return "user:" + u.n
}

var sinkStr string

// Asserting one interface to another.
func maybeStringer(n named) string {
	if s, ok := n.(fmt.Stringer); ok {
		return s.String()
	}
	return n.name()
}

func main() {
	u := &user{n: "a"}
	sinkStr = maybeStringer(u)
}
