package main

var sinkInt int

type job struct {
	id int
}

// Receiving a pointer does not make anything escape by itself.
func recvSum(c chan *job) int {
	t := 0
	for j := range c {
		t += j.id
	}
	return t
}

func main() {
	c := make(chan *job, 2)
	c <- &job{id: 1}
	c <- &job{id: 2}
	close(c)
	sinkInt = recvSum(c)
}
