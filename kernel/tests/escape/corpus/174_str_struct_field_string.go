package main

type user struct {
	name  string
	email string
}

var sinkUser *user

// Strings stored into an escaping struct.
func newUser(first, last string) *user {
	return &user{name: first + " " + last, email: first + "@x"}
}

func main() {
	sinkUser = newUser("a", "b")
}
