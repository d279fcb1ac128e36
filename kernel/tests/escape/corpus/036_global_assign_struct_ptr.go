package main

type config struct {
	name  string
	level int
}

var current *config

// Publishing a freshly built struct to a global.
func install(name string) {
	c := config{name: name, level: 1}
	current = &c
}

// Copying into a global value does not move anything.
var currentValue config

func installValue(name string) {
	c := config{name: name, level: 2}
	currentValue = c
}

func main() {
	install("a")
	installValue("b")
	println(current.name, currentValue.name)
}
