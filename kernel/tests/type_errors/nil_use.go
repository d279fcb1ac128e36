package main

func main() {
	x := nil
	var p *int = 1
	_ = p
}
