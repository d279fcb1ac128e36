package main

import "strings"

var sinkStr string

// Building strings with a Builder passed by pointer.
func writeAll(sb *strings.Builder, parts []string) {
	for _, p := range parts {
		sb.WriteString(p)
	}
}

func render(parts []string) string {
	var sb strings.Builder
	writeAll(&sb, parts)
	return sb.String()
}

func main() {
	sinkStr = render([]string{"x", "y"})
}
