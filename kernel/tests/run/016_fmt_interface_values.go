package main

import "fmt"

type Animal interface{ Sound() string }
type Dog struct{ Name string }
type Cat struct{ Lives int }

func (d Dog) Sound() string  { return d.Name + " says woof" }
func (c *Cat) Sound() string { return fmt.Sprint("meow x", c.Lives) }

func main() {
	vals := []any{42, "str", 3.5, Dog{"rex"}, &Cat{9}, []int{1}, map[string]int{"a": 1}, nil, true, 'c', byte(1)}
	for i, v := range vals {
		fmt.Printf("%d: %v (%T)\n", i, v, v)
	}
	as := []Animal{Dog{"fido"}, &Cat{7}}
	for _, a := range as {
		fmt.Println(a.Sound())
		fmt.Printf("%v %+v\n", a, a)
	}
	var a Animal
	fmt.Println(a == nil, a)
}
