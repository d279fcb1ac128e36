package main

type T struct{}

func (t *T) M() {}

func get() T { return T{} }

func main() {
	get().M()
}
