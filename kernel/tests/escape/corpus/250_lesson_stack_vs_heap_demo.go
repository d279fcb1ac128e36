package main

import "fmt"

type User struct {
	Name string
	Age  int
}

// stackOnly keeps everything in the frame.
func stackOnly() int {
	x := 10
	y := 20
	return x + y
}

// heapUser returns a pointer to a local user.
func heapUser(name string) *User {
	u := User{Name: name, Age: 30}
	return &u
}

func main() {
	fmt.Println(stackOnly())
	u := heapUser("Ann")
	fmt.Println(u.Name)
}
