// Package testing is gomem's model of Go's testing package: enough of T and B for tests and
// benchmarks that measure allocations.
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

//gomem:esc c=none
func (c *common) Name() string

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
