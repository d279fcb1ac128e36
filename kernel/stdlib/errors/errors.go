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

// Unwrap returns the result of err's Unwrap method (`Unwrap() error`), or nil. Go's body is a
// type assertion to `interface{ Unwrap() error }` and a call through it, so err leaks (an
// interface method call); Go inlines it.
//
//gomem:inline
func Unwrap(err error) error {
	return unwrap(err)
}

// unwrap is Unwrap's assertion and method call, done by the simulator.
//
//gomem:esc err=heap
func unwrap(err error) error

// Join returns an error that wraps the non-nil errs (nil if there are none); its message is
// theirs, one per line.
func Join(errs ...error) error {
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	e := &joinError{
		errs: make([]error, 0, n),
	}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	// Join never makes an empty joinError.
	if len(e.errs) == 1 {
		return e.errs[0].Error()
	}
	b := []byte(e.errs[0].Error())
	for _, err := range e.errs[1:] {
		b = append(b, '\n')
		b = append(b, err.Error()...)
	}
	return unsafeString(b)
}

func (e *joinError) Unwrap() []error {
	return e.errs
}

// unsafeString views b as a string without copying (Go uses unsafe.String).
//
//gomem:esc b=result0:0
func unsafeString(b []byte) string
