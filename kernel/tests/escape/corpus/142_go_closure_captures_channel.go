package main

// A goroutine closure that captures a channel and a local slice.
func produce(n int) int {
	ch := make(chan int)
	data := make([]int, n)
	go func() {
		for i := range data {
			ch <- i
		}
		close(ch)
	}()
	t := 0
	for v := range ch {
		t += v
	}
	return t
}

func main() {
	println(produce(4))
}
