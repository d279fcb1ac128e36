package main

func f(a int, string) {}

func g(a, b) {}

func h(a ...int, b int) {}

func main() {}
