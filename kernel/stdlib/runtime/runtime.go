// Package runtime is gomem's model of the parts of Go's runtime package a lesson uses.
// Everything here is implemented by the simulator; the declarations give the types.
package runtime

// MemStats records statistics about the memory allocator, with Go's exported fields.
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// GC runs a full garbage collection and waits for it.
func GC()

//gomem:esc m=none
func ReadMemStats(m *MemStats)

func gcount() int32

//gomem:inline
func NumGoroutine() int {
	return int(gcount())
}

// GOMAXPROCS sets the number of Ps and returns the previous setting (n < 1 only queries).
func GOMAXPROCS(n int) int

// KeepAlive marks its argument as reachable until this point.
//
//gomem:esc x=none
func KeepAlive(x any)

func gosched()

//gomem:inline
func Gosched() {
	gosched()
}

// numCPU is the number of CPUs of the simulated machine (vm::SIMULATED_CPUS).
func numCPU() int32

// NumCPU returns the number of logical CPUs; Go reads it once at startup. gomem simulates a
// machine with as many CPUs as GOMAXPROCS defaults to (2, the machine the goldens ran on),
// whatever GOMAXPROCS is set to.
//
//gomem:inline
func NumCPU() int {
	return int(numCPU())
}
