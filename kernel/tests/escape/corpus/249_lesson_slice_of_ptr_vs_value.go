package main

import "fmt"

type User struct {
	ID   int
	Name string
}

// []User stores values contiguously; []*User allocates every element.
func MakeValues(n int) []User {
	us := make([]User, 0, n)
	for i := 0; i < n; i++ {
		us = append(us, User{ID: i})
	}
	return us
}

func MakePointers(n int) []*User {
	us := make([]*User, 0, n)
	for i := 0; i < n; i++ {
		us = append(us, &User{ID: i})
	}
	return us
}

func main() {
	fmt.Println(len(MakeValues(3)), len(MakePointers(3)))
}
