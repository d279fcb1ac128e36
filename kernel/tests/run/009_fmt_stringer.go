package main

import "fmt"

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type PtrStr struct{ N int }

func (p *PtrStr) String() string { return fmt.Sprintf("PS#%d", p.N) }

type Box struct {
	C    Color
	Name string
}

func main() {
	fmt.Println(Red, Green, Blue, Color(9))
	fmt.Printf("%v %s %d %q %x\n", Green, Green, Green, Green, Green)
	fmt.Println([]Color{Blue, Red})
	fmt.Println(Box{Green, "b"})
	fmt.Printf("%+v\n", Box{Blue, "c"})
	v := PtrStr{5}
	fmt.Println(v, &v)
	fmt.Printf("%v %+v %s\n", v, v, &v)
	m := map[Color]int{Blue: 3, Red: 1}
	fmt.Println(m)
	fmt.Printf("%5v|%-7v|\n", Red, Green)
}
