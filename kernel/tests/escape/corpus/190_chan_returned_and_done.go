package main

// A function returning a channel fed by a goroutine.
func counter(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func main() {
	t := 0
	for v := range counter(3) {
		t += v
	}
	println(t)
}
