package main

type button struct {
	onClick func() string
}

var sinkStr string

// A closure stored into a struct field of a returned pointer.
func newButton(label string) *button {
	return &button{onClick: func() string { return label }}
}

// A closure in a struct value that stays local.
func localButton(label string) string {
	b := button{onClick: func() string { return label + "!" }}
	return b.onClick()
}

func main() {
	sinkStr = newButton("ok").onClick() + localButton("x")
}
