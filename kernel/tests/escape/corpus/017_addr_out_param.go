package main

var sinkInt int

// An "out" pointer parameter that receives the address of a local.
func fill(dst **int) {
	v := 99
	*dst = &v
}

func useFill() int {
	var p *int
	fill(&p)
	return *p
}

func main() {
	sinkInt = useFill()
}
