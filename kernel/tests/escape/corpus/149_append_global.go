package main

var log []string

// Appending to a global slice.
func record(msg string) {
	log = append(log, msg)
}

func recordMany(msgs ...string) {
	log = append(log, msgs...)
}

func main() {
	record("a")
	recordMany("b", "c")
	println(len(log))
}
