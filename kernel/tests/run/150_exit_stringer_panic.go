package main

import "fmt"

type State struct {
	Name string
	Step int
}

func (s State) String() string { return fmt.Sprintf("state %s at step %d", s.Name, s.Step) }

func main() {
	panic(State{"init", 2})
}
