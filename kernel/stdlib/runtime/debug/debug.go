// Package debug is gomem's model of Go's runtime/debug package: the GC tuning knobs.
package debug

func setGCPercent(percent int32) int32

func setMemoryLimit(limit int64) int64

func freeOSMemory()

// SetGCPercent sets GOGC and returns the previous value (a negative value turns GC off).
//
//gomem:inline
func SetGCPercent(percent int) int {
	return int(setGCPercent(int32(percent)))
}

// SetMemoryLimit sets the soft memory limit (GOMEMLIMIT) and returns the previous one.
//
//gomem:inline
func SetMemoryLimit(limit int64) int64 {
	return setMemoryLimit(limit)
}

// FreeOSMemory forces a GC and returns as much memory to the OS as possible.
//
//gomem:inline
func FreeOSMemory() {
	freeOSMemory()
}

func setMaxStack(bytes int) int

// SetMaxStack sets the largest stack a goroutine may grow to (default 1 GB on 64-bit
// systems) and returns the previous limit; a goroutine growing past it is a fatal
// "stack overflow".
//
//gomem:inline
func SetMaxStack(bytes int) int {
	return setMaxStack(bytes)
}
