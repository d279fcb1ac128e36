package main

var sinkBool bool

// Mutually recursive functions are analysed as one batch.
func isEven(p *int, n int) bool {
	if n == 0 {
		return *p == 0
	}
	return isOdd(p, n-1)
}

func isOdd(p *int, n int) bool {
	if n == 0 {
		return *p != 0
	}
	return isEven(p, n-1)
}

func main() {
	z := 0
	sinkBool = isEven(&z, 4)
}
