// Package testing is gomem's model of Go's testing package: enough of T and B for tests and
// benchmarks that measure allocations. The VM implements the body-less methods (`vm/gotest.rs`
// for tests, `vm/bench.rs` for benchmarks); escape summaries are real Go 1.27.3's.
package testing

// common holds what T and B share; its methods are promoted to both.
type common struct {
	failed  bool
	skipped bool
	name    string
	output  []byte
}

//gomem:esc c=heap format=none args=content
func (c *common) Errorf(format string, args ...any)

//gomem:esc c=heap format=none args=content
func (c *common) Fatalf(format string, args ...any)

//gomem:esc c=heap args=content
func (c *common) Error(args ...any)

//gomem:esc c=heap args=content
func (c *common) Fatal(args ...any)

//gomem:esc c=heap args=content
func (c *common) Log(args ...any)

//gomem:esc c=heap format=none args=content
func (c *common) Logf(format string, args ...any)

//gomem:esc c=heap
func (c *common) Helper()

// Name returns the name of the running test or benchmark (the VM stores it in c.name).
//
//gomem:inline
func (c *common) Name() string {
	return c.name
}

//gomem:esc c=heap
func (c *common) Fail()

//gomem:esc c=heap
func (c *common) FailNow()

//gomem:esc c=heap
func (c *common) Failed() bool

//gomem:esc c=heap args=content
func (c *common) Skip(args ...any)

//gomem:esc c=heap format=none args=content
func (c *common) Skipf(format string, args ...any)

//gomem:esc c=heap
func (c *common) SkipNow()

//gomem:esc c=heap
func (c *common) Skipped() bool

//gomem:esc c=heap f=heap
func (c *common) Cleanup(f func())

// TB is the interface common to T and B.
type TB interface {
	Cleanup(func())
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
}

// T is the state of a test.
type T struct {
	common
}

//gomem:esc t=heap name=heap f=heap
func (t *T) Run(name string, f func(t *T)) bool

// benchLoop is the state of a `for b.Loop()` benchmark loop.
type benchLoop struct {
	n uint64
	i uint64
}

// B is the state of a benchmark.
type B struct {
	common
	N               int
	showAllocResult bool
	loop            benchLoop
}

//gomem:esc b=none
func (b *B) ResetTimer()

//gomem:esc b=none
func (b *B) StartTimer()

//gomem:esc b=none
func (b *B) StopTimer()

//gomem:inline
func (b *B) ReportAllocs() {
	b.showAllocResult = true
}

//gomem:esc b=heap
func (b *B) loopSlowPath() bool

//gomem:inline
func (b *B) Loop() bool {
	if b.loop.n != 0 && b.loop.i < b.loop.n {
		b.loop.i++
		return true
	}
	return b.loopSlowPath()
}

// AllocsPerRun returns the average number of allocations during calls to f.
//
//gomem:esc f=none
func AllocsPerRun(runs int, f func()) (avg float64)
