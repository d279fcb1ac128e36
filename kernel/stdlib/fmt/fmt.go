// Package fmt is gomem's model of Go's fmt package.
//
// The Print family is inlined by Go into a call of the matching Fprint function on
// os.Stdout; the formatting functions themselves are externs whose arguments' contents leak
// (an `any` argument's boxed value escapes, which is why `fmt.Println(x)` moves x's copy to
// the heap).
package fmt

import (
	"errors"
	"io"
	"os"
)

// Stringer is implemented by any value that has a String method.
type Stringer interface {
	String() string
}

//gomem:esc w=heap a=content
func Fprintln(w io.Writer, a ...any) (n int, err error)

//gomem:esc w=heap format=none a=content
func Fprintf(w io.Writer, format string, a ...any) (n int, err error)

//gomem:esc w=heap a=content
func Fprint(w io.Writer, a ...any) (n int, err error)

//gomem:inline
func Println(a ...any) (n int, err error) {
	return Fprintln(os.Stdout, a...)
}

//gomem:inline
func Printf(format string, a ...any) (n int, err error) {
	return Fprintf(os.Stdout, format, a...)
}

//gomem:inline
func Print(a ...any) (n int, err error) {
	return Fprint(os.Stdout, a...)
}

//gomem:esc format=none a=content
func Sprintf(format string, a ...any) string

//gomem:esc a=content
func Sprint(a ...any) string

//gomem:esc a=content
func Sprintln(a ...any) string

// errorf formats an error, or returns nil when format has no verbs and no arguments.
//
//gomem:esc format=heap a=content
func errorf(format string, a ...any) error

// Errorf is split like Go's so that it and errors.New inline into the caller.
//
//gomem:inline
func Errorf(format string, a ...any) (err error) {
	if err = errorf(format, a...); err != nil {
		return err
	}
	return errors.New(format)
}
