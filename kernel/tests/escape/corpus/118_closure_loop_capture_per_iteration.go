package main

// Per-iteration loop variables (Go 1.22+) captured by closures.
func loopClosures() []func() int {
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i })
	}
	return fs
}

// The loop variable is modified in the body: by reference.
func loopClosuresModified() []func() int {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
		i++
	}
	return fs
}

func main() {
	println(len(loopClosures()), len(loopClosuresModified()))
}
