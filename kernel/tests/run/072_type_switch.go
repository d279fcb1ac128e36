package main

import (
	"errors"
	"fmt"
)

type Named struct{ Name string }

func (n Named) String() string { return "Named(" + n.Name + ")" }

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of len " + fmt.Sprint(len(x))
	case []int:
		return fmt.Sprintf("slice with %d ints", len(x))
	case error:
		return "error: " + x.Error()
	case fmt.Stringer:
		return "stringer: " + x.String()
	case func() int:
		return fmt.Sprint("func returning ", x())
	case bool:
		if x {
			return "yes"
		}
		return "no"
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	vals := []any{nil, 1, int64(2), "hey", []int{1, 2}, errors.New("bad"), Named{"n"}, func() int { return 7 }, true, 2.5, map[int]int{}, int8(1)}
	for _, v := range vals {
		fmt.Println(classify(v))
	}
	var e any = Named{"z"}
	if s, ok := e.(fmt.Stringer); ok {
		fmt.Println("ok", s)
	}
	_, ok := e.(error)
	fmt.Println(ok)
}
