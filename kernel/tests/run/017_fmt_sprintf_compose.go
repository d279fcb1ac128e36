package main

import (
	"fmt"
	"strings"
)

type Matrix [][]int

func (m Matrix) String() string {
	var sb strings.Builder
	for i, row := range m {
		if i > 0 {
			sb.WriteString("\n")
		}
		for j, v := range row {
			if j > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(fmt.Sprintf("%3d", v))
		}
	}
	return sb.String()
}

func main() {
	m := Matrix{{1, 2, 3}, {40, 50, 60}, {-7, 8, 900}}
	fmt.Println(m)
	s := fmt.Sprintf("%v|%v", 1, "a")
	fmt.Println(s, len(s))
	parts := []string{}
	for i := range 5 {
		parts = append(parts, fmt.Sprintf("<%02d>", i*7))
	}
	fmt.Println(strings.Join(parts, ","))
	e := fmt.Errorf("wrapped %d times", 2)
	fmt.Println(e.Error() == "wrapped 2 times")
	fmt.Println(fmt.Sprint(), fmt.Sprint(nil), fmt.Sprint("a", "b"))
}
