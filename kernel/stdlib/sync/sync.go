// Package sync is gomem's model of Go's sync package. Locking leaks the lock to the heap
// (the runtime's semaphore tables keep its address), so a local Mutex or WaitGroup that is
// used is "moved to heap".
package sync

// Mutex is a mutual exclusion lock.
type Mutex struct {
	state int32
	sema  uint32
}

//gomem:esc m=heap
func (m *Mutex) lock()

//gomem:esc m=heap
func (m *Mutex) unlock()

//gomem:inline
func (m *Mutex) Lock() {
	m.lock()
}

//gomem:inline
func (m *Mutex) Unlock() {
	m.unlock()
}

// RWMutex is a reader/writer mutual exclusion lock.
type RWMutex struct {
	w           Mutex
	writerSem   uint32
	readerSem   uint32
	readerCount int32
	readerWait  int32
}

//gomem:esc rw=heap
func (rw *RWMutex) Lock()

//gomem:esc rw=heap
func (rw *RWMutex) Unlock()

//gomem:esc rw=heap
func (rw *RWMutex) rlock()

//gomem:esc rw=heap
func (rw *RWMutex) runlock()

//gomem:inline
func (rw *RWMutex) RLock() {
	rw.rlock()
}

//gomem:inline
func (rw *RWMutex) RUnlock() {
	rw.runlock()
}

// WaitGroup waits for a collection of goroutines to finish.
type WaitGroup struct {
	state uint64
	sema  uint32
}

//gomem:esc wg=heap
func (wg *WaitGroup) Add(delta int)

//gomem:inline
func (wg *WaitGroup) Done() {
	wg.Add(-1)
}

//gomem:esc wg=heap
func (wg *WaitGroup) Wait()

//gomem:esc wg=heap f=heap
func (wg *WaitGroup) Go(f func())

// Once runs a function exactly once.
type Once struct {
	done uint32
	m    Mutex
}

//gomem:esc o=heap f=none
func (o *Once) doSlow(f func())

//gomem:inline
func (o *Once) Do(f func()) {
	if o.done == 0 {
		o.doSlow(f)
	}
}

// Pool is a set of temporary objects that may be reused.
type Pool struct {
	local      uintptr
	localSize  uintptr
	victim     uintptr
	victimSize uintptr
	// New optionally returns a new value when Get finds the pool empty.
	New func() any
}

//gomem:esc p=heap
func (p *Pool) Get() any

//gomem:esc p=heap x=heap
func (p *Pool) Put(x any)
