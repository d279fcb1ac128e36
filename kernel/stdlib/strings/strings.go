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

// WriteRune appends the UTF-8 encoding of r (Go appends it in place with
// utf8.AppendRune; the conversion here needs no allocation either).
func (b *Builder) WriteRune(r rune) (int, error) {
	n := len(b.buf)
	b.buf = append(b.buf, string(r)...)
	return len(b.buf) - n, nil
}

// Write appends p, so that a *Builder is an io.Writer.
func (b *Builder) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}

// Cap is the capacity of the builder's buffer.
func (b *Builder) Cap() int {
	return cap(b.buf)
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

// SplitN slices s into at most n substrings separated by sep (n < 0: all of them).
func SplitN(s, sep string, n int) []string {
	return genSplit(s, sep, 0, n)
}

// HasSuffix reports whether s ends with suffix.
func HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// IndexRune is the index of the first r in s, or -1 (an invalid rune is never found; a
// search for utf8.RuneError finds the first invalid sequence, as in Go).
func IndexRune(s string, r rune) int {
	if r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF) {
		return -1
	}
	for i, c := range s {
		if c == r {
			return i
		}
	}
	return -1
}

// ContainsRune reports whether r is in s.
func ContainsRune(s string, r rune) bool {
	return IndexRune(s, r) >= 0
}

// LastIndex is the index of the last substr in s, or -1.
func LastIndex(s, substr string) int {
	n := len(substr)
	for i := len(s) - n; i >= 0; i-- {
		if s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

// asciiSpace tells the ASCII white-space bytes: '\t', '\n', '\v', '\f', '\r' and ' '.
func asciiSpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

// isSpace is unicode.IsSpace: ASCII white space, U+0085, U+00A0 and the Unicode Zs, Zl and
// Zp characters.
func isSpace(r rune) bool {
	if r < 0x80 {
		return asciiSpace(byte(r))
	}
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// Fields splits s around runs of white space. Like Go's, it counts the fields first and
// allocates the result once (ASCII input), and leaves other input to FieldsFunc.
func Fields(s string) []string {
	n := 0
	wasSpace := true
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			ascii = false
		}
		space := asciiSpace(c)
		if wasSpace && !space {
			n++
		}
		wasSpace = space
	}
	if !ascii {
		return FieldsFunc(s, isSpace)
	}
	a := make([]string, n)
	na := 0
	i := 0
	for i < len(s) && asciiSpace(s[i]) {
		i++
	}
	fieldStart := i
	for i < len(s) {
		if !asciiSpace(s[i]) {
			i++
			continue
		}
		a[na] = s[fieldStart:i]
		na++
		i++
		for i < len(s) && asciiSpace(s[i]) {
			i++
		}
		fieldStart = i
	}
	if fieldStart < len(s) {
		a[na] = s[fieldStart:]
	}
	return a
}

// span is a field s[start:end] found by FieldsFunc.
type span struct {
	start int
	end   int
}

// FieldsFunc splits s around runs of runes for which f is true. Like Go's, it records the
// fields' bounds first (in a 32-entry buffer on its stack) and then builds the result.
func FieldsFunc(s string, f func(rune) bool) []string {
	spans := make([]span, 0, 32)
	start := -1
	for end, r := range s {
		if f(r) {
			if start >= 0 {
				spans = append(spans, span{start, end})
				start = ^start
			}
		} else {
			if start < 0 {
				start = end
			}
		}
	}
	if start >= 0 {
		spans = append(spans, span{start, len(s)})
	}
	a := make([]string, len(spans))
	for i, sp := range spans {
		a[i] = s[sp.start:sp.end]
	}
	return a
}

// Trim returns s without the leading and trailing runes that are in cutset.
func Trim(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return TrimRight(TrimLeft(s, cutset), cutset)
}

// TrimLeft returns s without the leading runes that are in cutset.
func TrimLeft(s, cutset string) string {
	for i, r := range s {
		if !ContainsRune(cutset, r) {
			return s[i:]
		}
	}
	return s[len(s):]
}

// TrimRight returns s without the trailing runes that are in cutset.
func TrimRight(s, cutset string) string {
	end := 0
	for i, r := range s {
		if !ContainsRune(cutset, r) {
			end = i + len(string(r))
		}
	}
	return s[:end]
}

// TrimPrefix returns s without prefix, if it starts with it.
func TrimPrefix(s, prefix string) string {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix returns s without suffix, if it ends with it.
func TrimSuffix(s, suffix string) string {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// firstRuneLen is the width in bytes of s's first rune (1 for an invalid byte), as
// utf8.DecodeRuneInString reports it.
func firstRuneLen(s string) int {
	for i := range s {
		if i > 0 {
			return i
		}
	}
	return len(s)
}

// Count is the number of non-overlapping substr in s (runes + 1 for an empty substr).
func Count(s, substr string) int {
	if len(substr) == 0 {
		n := 0
		for range s {
			n++
		}
		return n + 1
	}
	n := 0
	for {
		i := Index(s, substr)
		if i == -1 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

// Replace returns s with the first n (all if n < 0) old replaced by new.
func Replace(s, old, new string, n int) string {
	if old == new || n == 0 {
		return s
	}
	if m := Count(s, old); m == 0 {
		return s
	} else if n < 0 || m < n {
		n = m
	}
	var b Builder
	b.Grow(len(s) + n*(len(new)-len(old)))
	start := 0
	for i := 0; i < n; i++ {
		j := start
		if len(old) == 0 {
			if i > 0 {
				j += firstRuneLen(s[start:])
			}
		} else {
			j += Index(s[start:], old)
		}
		b.WriteString(s[start:j])
		b.WriteString(new)
		start = j + len(old)
	}
	b.WriteString(s[start:])
	return b.String()
}

// ReplaceAll returns s with every old replaced by new.
func ReplaceAll(s, old, new string) string {
	return Replace(s, old, new, -1)
}

// Cut slices s around the first sep.
func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// Compare orders two strings: -1, 0 or +1.
func Compare(a, b string) int {
	if a == b {
		return 0
	}
	if a < b {
		return -1
	}
	return 1
}

// IndexByte is the index of the first c in s, or -1.
func IndexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Map returns s with each rune replaced by mapping(r) (dropped when negative); s itself
// when nothing changes.
func Map(mapping func(rune) rune, s string) string {
	var b Builder
	changed := false
	for i, c := range s {
		r := mapping(c)
		if r == c && !changed {
			continue
		}
		if !changed {
			b.Grow(len(s) + 4)
			b.WriteString(s[:i])
			changed = true
		}
		if r >= 0 {
			b.WriteRune(r)
		}
	}
	if !changed {
		return s
	}
	return b.String()
}

// EqualFold reports whether s and t are equal under simple Unicode case folding (here: the
// same after ToLower, rune by rune).
func EqualFold(s, t string) bool {
	return ToLower(s) == ToLower(t)
}

// isSeparator tells the runes that separate words for Title.
func isSeparator(r rune) bool {
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9':
			return false
		case 'a' <= r && r <= 'z':
			return false
		case 'A' <= r && r <= 'Z':
			return false
		case r == '_':
			return false
		}
		return true
	}
	return isSpace(r)
}

// Title upper-cases the first letter of each word (deprecated in Go, kept for old code).
func Title(s string) string {
	prev := ' '
	return Map(
		func(r rune) rune {
			if isSeparator(prev) {
				prev = r
				u := []rune(ToUpper(string(r)))
				return u[0]
			}
			prev = r
			return r
		},
		s)
}
