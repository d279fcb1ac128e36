package main

var sinkInt int

// A function just over the inline budget: no "can inline" line.
func big(a []int) int {
	t := 0
	for i := range a {
		t += a[i] * a[i]
		if t > 1000 {
			t -= a[i] / 3
		}
		t ^= i << 2
		t += len(a) % (i + 1)
	}
	for i := range a {
		t -= a[i] * 7
		if t < -1000 {
			t += a[i] / 5
		}
		t |= a[i] & 0xff
		t += a[len(a)-1-i] * 3
	}
	return t
}

func main() {
	sinkInt = big([]int{1, 2, 3})
}
