package main

type animal interface {
	sound() string
}

type dog struct {
	name string
}

func (d dog) sound() string {
	return d.name + " woof"
}

var sinkStr string

// Calling through an interface built from a local value.
func speak() string {
	d := dog{name: "rex"}
	var a animal = d
	return a.sound()
}

func main() {
	sinkStr = speak()
}
