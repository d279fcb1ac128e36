// Package io is gomem's model of Go's io package: just the Writer interface.
package io

// Writer is anything bytes can be written to.
type Writer interface {
	Write(p []byte) (n int, err error)
}
