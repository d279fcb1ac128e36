package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	fmt.Println(len(ch), cap(ch))
	ch <- 1
	ch <- 2
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch)
	ch <- 3
	ch <- 4
	fmt.Println(len(ch))
	close(ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	v, ok := <-ch
	fmt.Println(v, ok)
	sem := make(chan struct{}, 2)
	results := make(chan string, 5)
	for i := range 5 {
		sem <- struct{}{}
		go func() {
			results <- fmt.Sprint("job", i)
			<-sem
		}()
		fmt.Println(<-results)
	}
	var nilch chan int
	fmt.Println(len(nilch), cap(nilch))
	sc := make(chan string, 1)
	sc <- "only"
	s, ok := <-sc
	fmt.Println(s, ok, len(sc))
}
