package main

func main() {
	goto L
	switch {
	case true:
	L:
	}
	M:
}
