package main

type point struct {
	x, y int
}

var sinkInt int

// Sending struct values (copies) vs slices.
func sendPoint(c chan point) {
	p := point{1, 2}
	c <- p
}

func sendSlice(c chan []int) {
	s := []int{1, 2, 3}
	c <- s
}

func main() {
	cp := make(chan point, 1)
	cs := make(chan []int, 1)
	sendPoint(cp)
	sendSlice(cs)
	sinkInt = (<-cp).x + len(<-cs)
}
