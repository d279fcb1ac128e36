package main

var sinkInt int

type config struct {
	retries int
	name    string
}

func validate(c *config) bool {
	return c.retries > 0 && c.name != ""
}

// Myth: "&x always puts x on the heap".
func check() int {
	c := config{retries: 3, name: "svc"}
	if validate(&c) {
		return c.retries
	}
	return 0
}

func main() {
	sinkInt = check()
}
