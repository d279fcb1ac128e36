package main

var sinkInt int

// A local channel: no escape diagnostic at all, yet always heap.
func chanLocal() int {
	c := make(chan int, 1)
	c <- 1
	return <-c
}

func chanUnbuffered() int {
	c := make(chan int)
	go func() { c <- 2 }()
	return <-c
}

func main() {
	sinkInt = chanLocal() + chanUnbuffered()
}
