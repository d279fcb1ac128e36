package main

var sinkStr string
var sinkInt int

// []rune(s) and string(r) conversions.
func runes(s string) int {
	r := []rune(s)
	return len(r)
}

func fromRune(r rune) string {
	return string(r)
}

func fromRunes(rs []rune) string {
	return string(rs)
}

func main() {
	sinkInt = runes("héllo")
	sinkStr = fromRune('x') + fromRunes([]rune{'a', 'b'})
}
