// gomem-env: GOMAXPROCS=1
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// sync.Pool: what Put keeps survives one collection (in the victim cache) and is dropped
// by the second; New runs only when Get finds nothing. One P: with two, the goroutine may
// resume on the other P after a collection, whose victim cache does not share its private slot.

var news int

var pool = sync.Pool{New: func() any {
	news++
	b := make([]byte, 64)
	return &b
}}

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	a := pool.Get().(*[]byte)
	(*a)[0] = 1
	pool.Put(a)
	b := pool.Get().(*[]byte)
	fmt.Println("same object back:", a == b, "news:", news)
	pool.Put(b)

	runtime.GC()
	c := pool.Get().(*[]byte)
	fmt.Println("after one GC, from the victim cache:", c == a, "news:", news)
	pool.Put(c)

	runtime.GC()
	runtime.GC()
	d := pool.Get().(*[]byte)
	fmt.Println("after two more GCs, a new one:", d != a, "news:", news)

	// Several objects: the private slot, then the shared list.
	objs := make([]*[]byte, 0, 10)
	for range 10 {
		objs = append(objs, pool.Get().(*[]byte))
	}
	fmt.Println("news after 10 Gets:", news)
	before := mallocs()
	for _, o := range objs {
		pool.Put(o)
	}
	fmt.Println("mallocs of 10 Puts:", mallocs()-before)
	before = mallocs()
	for range 10 {
		_ = pool.Get()
	}
	fmt.Println("mallocs of 10 Gets:", mallocs()-before, "news:", news)
	before = mallocs()
	runtime.GC()
	x := pool.Get()
	fmt.Println("first Get after a GC allocates the per-P array:", mallocs()-before-1 > 0, x != nil)
}
