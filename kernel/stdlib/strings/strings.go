// Package strings is gomem's model of Go's strings package.
package strings

// Builder builds a string with few copies. Its small methods are inlined by Go.
type Builder struct {
	addr *Builder
	buf  []byte
}

//gomem:inline
func (b *Builder) WriteString(s string) (int, error) {
	b.buf = append(b.buf, s...)
	return len(s), nil
}

//gomem:inline
func (b *Builder) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}

// bytesAsString views the buffer as a string without copying (Go uses unsafe.String).
//
//gomem:esc b=result0:1
func (b *Builder) bytesAsString() string

//gomem:inline
func (b *Builder) String() string {
	return b.bytesAsString()
}

//gomem:inline
func (b *Builder) Len() int {
	return len(b.buf)
}

//gomem:esc b=none
func (b *Builder) Grow(n int)

//gomem:esc b=none
func (b *Builder) Reset()

//gomem:esc s=result0:0
func Repeat(s string, count int) string

//gomem:esc elems=result0:1 sep=none
func Join(elems []string, sep string) string

//gomem:esc s=heap sep=none
func genSplit(s, sep string, sepSave, n int) []string

//gomem:inline
func Split(s, sep string) []string {
	return genSplit(s, sep, 0, -1)
}

//gomem:esc s=none substr=none
func Index(s, substr string) int

//gomem:inline
func Contains(s, substr string) bool {
	return Index(s, substr) >= 0
}

//gomem:inline
func HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

//gomem:esc s=result0:0
func ToUpper(s string) string

//gomem:esc s=result0:0
func ToLower(s string) string

//gomem:esc s=result0:0
func TrimSpace(s string) string
