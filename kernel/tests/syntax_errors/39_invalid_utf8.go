package main

func main() {
	x := "aÿb"
	yþz := 1
	// ÿ in a comment
	println(x, yz)
}
