package main

import (
	"fmt"
	"sync"
)

type Config struct {
	Name string
}

var (
	once     sync.Once
	instance *Config
)

// A lazily initialised singleton.
func Get() *Config {
	once.Do(func() {
		instance = &Config{Name: "default"}
	})
	return instance
}

func main() {
	fmt.Println(Get().Name)
}
