package main

import (
	"runtime/debug"
	"time"
)

var sinkDur time.Duration

// Standard library calls that take no pointers from us.
func measure() time.Duration {
	start := time.Now()
	debug.SetGCPercent(100)
	return time.Since(start)
}

func main() {
	sinkDur = measure()
}
