package main

type item struct {
	n int
}

var sinkInt int

// Taking addresses of slice elements via index is fine; &v of a range copy moves v.
func byIndex(items []item) []*item {
	var out []*item
	for i := range items {
		out = append(out, &items[i])
	}
	return out
}

func byCopy(items []item) []*item {
	var out []*item
	for _, v := range items {
		out = append(out, &v)
	}
	return out
}

func main() {
	xs := []item{{1}, {2}}
	sinkInt = len(byIndex(xs)) + len(byCopy(xs))
}
