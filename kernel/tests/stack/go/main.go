// Command stackgolden measures goroutine stacks of the real Go runtime so that gomem's stack
// model (kernel/src/runtime/stack.rs) can be checked against it. It is run by
// scripts/golden-stack.sh with GOMAXPROCS=1; every number it prints must be deterministic.
//
// Modes:
//
//	rec D        a fresh goroutine recurses D+1 times through rec (a known, fixed frame) and
//	             reports the stack it reached and the StackInuse change
//	shrink D K   the same goroutine returns to its top frame and parks; K runtime.GC() calls
//	             follow, each reporting the (shrinking) stack size
//	adaptive N D N goroutines park at recursion depth D; after one runtime.GC() the runtime's
//	             starting stack size for new goroutines is read
//	overflow     recurse without end (the runtime kills the program with exit status 2)
//	many N       N goroutines park at their first frame; the StackInuse change is reported
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"unsafe"
)

// getg returns the address of the running goroutine's runtime g (see getg_amd64.s).
func getg() uintptr

// gStack reads g.stack.lo, g.stack.hi and g.sched.sp: the first two words of a runtime g
// are its stack bounds, and g.sched (at word 7) starts with the saved stack pointer.
func gStack(g uintptr) (lo, hi, schedSP uintptr) {
	p := (*[8]uintptr)(unsafe.Pointer(g))
	return p[0], p[1], p[7]
}

// What the deepest rec frame saw.
var bottomLo, bottomHi uintptr

// rec has a fixed frame (the golden script reads its size from the assembly listing). At the
// bottom it records the stack bounds without calling anything, so no deeper frame exists.
//
//go:noinline
func rec(n int, g uintptr) byte {
	var buf [128]byte
	buf[n&127] = byte(n)
	if n == 0 {
		bottomLo, bottomHi, _ = gStack(g)
		return buf[0]
	}
	return rec(n-1, g) + buf[(n*7)&127]
}

var sink byte

func stackInuse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.StackInuse
}

func startingSize() uint64 {
	s := []metrics.Sample{{Name: "/gc/stack/starting-size:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// recPark is rec's twin that parks at the bottom of the recursion until release is closed.
//
//go:noinline
func recPark(n int, ready chan<- uintptr, release <-chan struct{}) byte {
	var buf [128]byte
	buf[n&127] = byte(n)
	if n == 0 {
		ready <- getg()
		<-release
		return buf[0]
	}
	return recPark(n-1, ready, release) + buf[(n*7)&127]
}

// worker runs rec(d) on a fresh goroutine, then parks at its top frame until released.
func worker(d int, ready chan<- uintptr, release <-chan struct{}) {
	g := getg()
	sink += rec(d, g)
	ready <- g
	<-release
}

func main() {
	debug.SetGCPercent(-1) // no GC unless we ask for one
	arg := func(i int) int { v, _ := strconv.Atoi(os.Args[i]); return v }
	switch os.Args[1] {
	case "rec":
		d := arg(2)
		start := startingSize()
		before := stackInuse()
		ready, release := make(chan uintptr), make(chan struct{})
		go worker(d, ready, release)
		<-ready
		after := stackInuse() // the worker is parked; its grown stack is still in use
		fmt.Printf("depth=%d start=%d stack=%d stackinuse_delta=%d\n", d, start, bottomHi-bottomLo, after-before)
		close(release)
	case "shrink":
		d, k := arg(2), arg(3)
		if len(os.Args) > 4 && os.Args[4] == "warm" {
			runtime.GC() // start the GC's own goroutines before the baseline is taken
		}
		before := stackInuse()
		ready, release := make(chan uintptr), make(chan struct{})
		go worker(d, ready, release)
		g := <-ready
		lo, hi, sp := gStack(g)
		fmt.Printf("depth=%d reached=%d parked_used=%d\n", d, bottomHi-bottomLo, hi-sp)
		fmt.Printf("gc=0 stack=%d stackinuse_delta=%d\n", hi-lo, stackInuse()-before)
		for i := 1; i <= k; i++ {
			runtime.GC()
			lo, hi, _ = gStack(g)
			// A stack below 32 KiB shares a 32 KiB span with other stacks of its size; whether
			// the runtime's own goroutines and threads (g0: 16 KiB) left a free slot there
			// depends on how many threads exist, so only large stacks give a stable delta.
			delta := "-"
			if hi-lo >= 32<<10 {
				delta = strconv.FormatInt(int64(stackInuse())-int64(before), 10)
			}
			fmt.Printf("gc=%d stack=%d stackinuse_delta=%s\n", i, hi-lo, delta)
		}
		close(release)
	case "adaptive":
		n, d := arg(2), arg(3)
		ready, release := make(chan uintptr), make(chan struct{})
		var g uintptr
		for i := 0; i < n; i++ {
			go func() { sink += recPark(d, ready, release) }()
			g = <-ready
		}
		lo, hi, sp := gStack(g)
		fmt.Printf("goroutines=%d depth=%d worker_stack=%d parked_used=%d start_before=%d\n", n, d, hi-lo, hi-sp, startingSize())
		runtime.GC()
		fmt.Printf("start_after_gc=%d\n", startingSize())
		close(release)
	case "overflow":
		for {
			sink += rec(1<<62, getg())
		}
	case "many":
		n := arg(2)
		before := stackInuse()
		ready, release := make(chan struct{}), make(chan struct{})
		for i := 0; i < n; i++ {
			go func() {
				ready <- struct{}{}
				<-release
			}()
			<-ready
		}
		fmt.Printf("goroutines=%d start=%d stackinuse_delta=%d\n", n, startingSize(), stackInuse()-before)
		close(release)
	}
}
