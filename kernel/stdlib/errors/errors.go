// Package errors is gomem's model of Go's errors package.
package errors

// errorString is the concrete type behind New: a pointer to it is the error value.
type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

// New allocates a fresh error; Go inlines it, so the composite literal
// `&errors.errorString{...}` appears in the caller's escape report.
//
//gomem:inline
func New(text string) error {
	return &errorString{text}
}

// Is reports whether err (or an error it wraps) equals target.
//
//gomem:esc err=heap target=heap
func Is(err, target error) bool

// As finds the first error in err's chain assignable to *target.
//
//gomem:esc err=heap target=heap
func As(err error, target any) bool
