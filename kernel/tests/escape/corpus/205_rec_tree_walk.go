package main

type tree struct {
	left, right *tree
	v           int
}

var sinkInt int

// Recursive walk over a tree: no escape for the parameter.
func sum(t *tree) int {
	if t == nil {
		return 0
	}
	return t.v + sum(t.left) + sum(t.right)
}

func main() {
	t := &tree{v: 1, left: &tree{v: 2}, right: &tree{v: 3}}
	sinkInt = sum(t)
}
