// Package os is gomem's model of Go's os package: files for output, Args and Exit.
package os

// File is an open file descriptor.
type File struct {
	fd   uintptr
	name string
}

// NewFile returns a File for the descriptor.
//
//gomem:esc name=heap
func NewFile(fd uintptr, name string) *File

// The standard streams.
var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// Args holds the command-line arguments, starting with the program name.
var Args []string

// Write writes b to the file.
//
//gomem:esc f=content b=none
func (f *File) Write(b []byte) (n int, err error)

// writeString writes the bytes of s without copying them (Go uses unsafe.Slice).
//
//gomem:esc f=content s=none
func (f *File) writeString(s string) (n int, err error)

// WriteString writes s to the file. Go inlines it.
//
//gomem:inline
func (f *File) WriteString(s string) (n int, err error) {
	return f.writeString(s)
}

// Exit terminates the program with the given status code.
func Exit(code int)
