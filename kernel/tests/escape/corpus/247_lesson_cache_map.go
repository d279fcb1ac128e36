package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu   sync.Mutex
	data map[string][]byte
}

func NewCache() *Cache {
	return &Cache{data: make(map[string][]byte)}
}

func (c *Cache) Get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.data[key]
	return v, ok
}

func (c *Cache) Set(key string, val []byte) {
	c.mu.Lock()
	c.data[key] = val
	c.mu.Unlock()
}

func main() {
	c := NewCache()
	c.Set("a", []byte("1"))
	v, ok := c.Get("a")
	fmt.Println(string(v), ok)
}
