package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type Store struct {
	m map[int]string
}

// Lookup returns a wrapped sentinel error.
func (s *Store) Lookup(id int) (string, error) {
	v, ok := s.m[id]
	if !ok {
		return "", fmt.Errorf("id %d: %w", id, ErrNotFound)
	}
	return v, nil
}

func main() {
	s := Store{m: map[int]string{1: "one"}}
	_, err := s.Lookup(2)
	fmt.Println(errors.Is(err, ErrNotFound))
}
