package main

var sinkGroups [][]string

// Grouping strings into a returned slice of slices.
func group(words []string) [][]string {
	var groups [][]string
	var cur []string
	for _, w := range words {
		cur = append(cur, w)
		if len(cur) == 2 {
			groups = append(groups, cur)
			cur = nil
		}
	}
	return groups
}

func main() {
	sinkGroups = group([]string{"a", "b", "c"})
}
