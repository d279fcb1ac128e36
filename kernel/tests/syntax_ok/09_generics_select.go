package main

// Generics and select are parsed so that the checker can reject them by name.

type Number interface {
	~int | ~float64
}

type List[T any] struct {
	head *node[T]
}

type node[T any] struct {
	v    T
	next *node[T]
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	_ = Sum[int]([]int{1, 2})
	_ = Sum([]float64{1})
	var l List[string]
	_ = l
	c := make(chan int)
	select {
	case v := <-c:
		_ = v
	case c <- 1:
	default:
	}
}
