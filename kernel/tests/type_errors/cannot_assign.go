package main

const c = 1

func main() {
	c = 2
	"s"[0] = 'x'
}
