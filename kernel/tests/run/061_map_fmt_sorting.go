package main

import "fmt"

type Level int

func (l Level) String() string { return fmt.Sprintf("L%d", int(l)) }

func main() {
	fmt.Println(map[int]int{100: 1, -5: 2, 3: 3, -100: 4, 0: 5})
	fmt.Println(map[string]int{"b": 1, "B": 2, "a": 3, "": 4, "aa": 5, "10": 6, "9": 7})
	fmt.Println(map[float64]string{3.5: "c", -0.5: "a", 1e10: "z", 0: "zero"})
	fmt.Println(map[Level]string{10: "ten", 2: "two", 1: "one"})
	fmt.Println(map[rune]bool{'z': true, 'a': false})
	fmt.Println(map[[2]string]int{{"b", "a"}: 1, {"a", "z"}: 2, {"a", "b"}: 3})
	fmt.Println(map[uint8]int{255: 1, 0: 2, 128: 3})
	fmt.Println(map[any]string{true: "t", false: "f", 2: "two", 1: "one", "x": "x", 1.5: "f"})
	type S struct {
		A string
		B int
	}
	fmt.Println(map[S]int{{"b", 1}: 1, {"a", 2}: 2, {"a", 1}: 3})
	fmt.Printf("%v|%d|%x\n", map[int]int{2: 20, 1: 10}, map[int]int{2: 20, 1: 10}, map[int]int{31: 255})
}
