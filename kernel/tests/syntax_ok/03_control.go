package main

func classify(n int) string {
	if n < 0 {
		return "neg"
	} else if n == 0 {
		return "zero"
	} else {
		return "pos"
	}
}

func loops(xs []int) (sum int) {
	for i := 0; i < len(xs); i++ {
		sum += xs[i]
	}
	for i := range 10 {
		sum -= i
	}
	for range 3 {
		sum++
	}
	for _, x := range xs {
		sum *= x
	}
	i := 0
	for i < 10 {
		i++
	}
	for {
		break
	}
outer:
	for j := 0; j < 3; j++ {
		for k := 0; k < 3; k++ {
			if k == 1 {
				continue outer
			}
			if j == 2 {
				break outer
			}
		}
	}
	goto end
end:
	return
}

func sw(x int) int {
	switch y := x * 2; {
	case y > 10:
		return 1
	case y < 0, y == 3:
		fallthrough
	default:
		return 0
	}
}

func main() {
	_ = classify(3)
	_ = loops([]int{1, 2})
	switch sw(1) {
	case 1:
	}
}
