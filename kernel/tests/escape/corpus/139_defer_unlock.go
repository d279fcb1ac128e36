package main

import "sync"

type safeCounter struct {
	mu sync.Mutex
	n  int
}

// The idiomatic mutex pattern with defer.
func (c *safeCounter) inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

func main() {
	var c safeCounter
	c.inc()
	println(c.n)
}
