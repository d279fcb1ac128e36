package main

var sinkByte byte

// Explicit variables may be up to 128 KiB on the stack.
func bigVarOK() byte {
	var a [131072]byte
	a[5] = 1
	return a[5]
}

func bigVarTooBig() byte {
	var a [131073]byte
	a[5] = 2
	return a[5]
}

func main() {
	sinkByte = bigVarOK() + bigVarTooBig()
}
