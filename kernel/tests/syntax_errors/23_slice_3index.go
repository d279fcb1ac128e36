package main

func main() {
	s := []int{1, 2, 3}
	_ = s[1::3]
	_ = s[1:2:]
	_ = s[]
}
