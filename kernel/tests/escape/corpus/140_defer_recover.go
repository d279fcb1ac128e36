package main

var sinkStr string

// defer + recover to turn a panic into an error string.
func safeDiv(a, b int) (q int, msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = "recovered"
		}
	}()
	return a / b, ""
}

func main() {
	q, m := safeDiv(4, 2)
	_, m2 := safeDiv(1, 0)
	sinkStr = m + m2
	println(q)
}
