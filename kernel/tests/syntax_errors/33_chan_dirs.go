package main

func main() {
	var a <-chan <-chan int
	var b chan<- <-chan int
	c := make(<-chan<- int)
	_, _, _ = a, b, c
}
