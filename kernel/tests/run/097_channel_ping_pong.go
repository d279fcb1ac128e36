package main

import "fmt"

func player(name string, in, out chan int, done chan string) {
	for {
		v, ok := <-in
		if !ok {
			done <- name + " done"
			return
		}
		if v >= 10 {
			done <- name + " finished at " + fmt.Sprint(v)
			close(out)
			return
		}
		fmt.Println(name, v)
		out <- v + 1
	}
}

func main() {
	a, b := make(chan int), make(chan int)
	done := make(chan string)
	go player("ping", a, b, done)
	go player("pong", b, a, done)
	a <- 0
	fmt.Println(<-done)
	fmt.Println(<-done)
}
