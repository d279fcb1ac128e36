package main

import "fmt"

type Res struct{ name string }

func (r *Res) Close() { fmt.Println("close", r.name) }

func open(name string) *Res {
	fmt.Println("open", name)
	return &Res{name}
}

func processAll(names []string) {
	for _, n := range names {
		r := open(n)
		defer r.Close()
	}
	fmt.Println("processed", len(names))
}

func processEach(names []string) {
	for _, n := range names {
		func() {
			r := open(n)
			defer r.Close()
			fmt.Println("using", n)
		}()
	}
}

func main() {
	processAll([]string{"a", "b", "c"})
	processEach([]string{"x", "y"})
	r := &Res{"first"}
	defer r.Close()
	r = &Res{"second"}
	defer func() { r.Close() }()
	r = &Res{"third"}
}
