// Package time is gomem's model of Go's time package: durations, instants and sleeping.
package time

// Duration is an elapsed time in nanoseconds.
type Duration int64

// Common durations.
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// format writes d into the end of buf and returns the index of its first byte.
//
//gomem:esc buf=none
func (d Duration) format(buf *[32]byte) int

// String formats the duration like "1h2m0.5s". Go inlines it so that the caller decides
// where the result string lives.
//
//gomem:inline
func (d Duration) String() string {
	var arr [32]byte
	n := d.format(&arr)
	return string(arr[n:])
}

func (d Duration) Seconds() float64 {
	return float64(d) / 1e9
}

func (d Duration) Milliseconds() int64 {
	return int64(d) / 1e6
}

func (d Duration) Microseconds() int64 {
	return int64(d) / 1e3
}

func (d Duration) Nanoseconds() int64 {
	return int64(d)
}

// Location is a time zone.
type Location struct {
	name string
}

// Time is an instant with nanosecond precision.
type Time struct {
	wall uint64
	ext  int64
	loc  *Location
}

// Now returns the current (simulated) time.
func Now() Time

//gomem:esc t=none
func Since(t Time) Duration

//gomem:esc u=none
func (t Time) Sub(u Time) Duration

// Sleep pauses the current goroutine for at least d.
func Sleep(d Duration)
