package main

var sinkPtr *int
var sinkInt int

// A type assertion extracts a pointer from an interface parameter.
func extract(v any) *int {
	if p, ok := v.(*int); ok {
		return p
	}
	return nil
}

func extractValue(v any) int {
	n, _ := v.(int)
	return n
}

func main() {
	x := 1
	sinkPtr = extract(&x)
	sinkInt = extractValue(x)
}
