package main

import "fmt"

type HTTPError struct {
	Status int
	Path   string
}

func (e *HTTPError) Error() string { return fmt.Sprintf("HTTP %d: %s", e.Status, e.Path) }

func fetch(p string) error { return &HTTPError{404, p} }

func main() {
	err := fetch("/missing")
	fmt.Println("got:", err)
	panic(err)
}
