package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("about to panic")
	fmt.Fprintln(os.Stderr, "a line on stderr before the panic")
	defer fmt.Println("deferred call still runs")
	panic("something went wrong")
}
