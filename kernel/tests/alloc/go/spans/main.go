// Golden generator: objects per span for every one-page size class, pointer-free
// and pointerful. Allocates many objects of one class back to back and counts
// the most objects seen in one 8 KiB page: for one-page spans that is nelems.
// Run with GOMAXPROCS=1 GOGC=off.
package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

var classes = []int{8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
	288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1536, 2048, 2688, 4096, 8192}

var keepB [][]byte
var keepP [][]*int

const count = 3000

func maxPerPage(addrs []uintptr) int {
	counts := make(map[uintptr]int)
	best := 0
	for _, a := range addrs {
		counts[a>>13]++
		if counts[a>>13] > best {
			best = counts[a>>13]
		}
	}
	return best
}

func main() {
	keepB = make([][]byte, count)
	keepP = make([][]*int, count)
	addrs := make([]uintptr, count)
	type row struct{ size, noscan, scan int }
	rows := make([]row, 0, len(classes))
	for _, size := range classes {
		for i := range keepB {
			keepB[i] = make([]byte, size)
			addrs[i] = uintptr(unsafe.Pointer(&keepB[i][0]))
		}
		ns := maxPerPage(addrs)
		for i := range keepP {
			keepP[i] = make([]*int, size/8)
			addrs[i] = uintptr(unsafe.Pointer(&keepP[i][0]))
		}
		sc := maxPerPage(addrs)
		rows = append(rows, row{size, ns, sc})
		runtime.KeepAlive(keepB)
	}
	fmt.Println("# elemsize max_objects_per_page_noscan max_objects_per_page_scan")
	for _, r := range rows {
		fmt.Println(r.size, r.noscan, r.scan)
	}
}
