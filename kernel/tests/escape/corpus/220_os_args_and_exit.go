package main

import (
	"fmt"
	"os"
)

// Writing to os.Stdout through fmt.Fprintln.
func report(code int) {
	fmt.Fprintln(os.Stdout, "code", code)
}

func main() {
	report(len(os.Args))
}
