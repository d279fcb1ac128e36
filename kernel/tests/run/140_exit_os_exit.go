package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred: never printed, os.Exit skips defers")
	fmt.Println("exiting with status 3")
	fmt.Fprintln(os.Stderr, "error: bad configuration")
	os.Exit(3)
}
