package main

import "fmt"

func gen(n int) chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func sq(in chan int) chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func main() {
	for v := range sq(sq(gen(5))) {
		fmt.Println(v)
	}
	done := make(chan bool)
	data := make(chan string)
	go func() {
		for s := range data {
			fmt.Println("got", s)
		}
		done <- true
	}()
	for _, s := range []string{"a", "b", "c"} {
		data <- s
	}
	close(data)
	<-done
	fmt.Println("done")
}
