package main

var sinkInt int

// Ranging over a string and over []byte(s).
func countA(s string) int {
	n := 0
	for _, r := range s {
		if r == 'a' {
			n++
		}
	}
	return n
}

func countB(s string) int {
	n := 0
	for _, c := range []byte(s) {
		if c == 'b' {
			n++
		}
	}
	return n
}

func main() {
	sinkInt = countA("banana") + countB("bob")
}
