package main

var sinkInt int

// new(*int): a pointer to a pointer cell.
func newPtrCell() int {
	x := 5
	pp := new(*int)
	*pp = &x
	return **pp
}

func newPtrCellRet() **int {
	pp := new(*int)
	return pp
}

func main() {
	sinkInt = newPtrCell()
	if newPtrCellRet() != nil {
		sinkInt++
	}
}
