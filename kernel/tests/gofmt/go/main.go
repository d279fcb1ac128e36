// Command gofmtgolden prints the formatting cases of kernel/tests/gofmt.rs with the real Go
// fmt package, one per line: CASE_ID<TAB>%q of the output. The Rust test builds the same
// cases, in the same order, as gomem::gofmt::Value and compares.
//
// Pointers are fake constant addresses (never dereferenced): run with GOGC=off.
package main

import (
	"errors"
	"fmt"
	"unsafe"
)

type Point struct{ X, Y int }

type Line struct {
	A, B  Point
	Label string
}

type Wrap struct {
	Name  string
	Tags  []string
	Attrs map[string]int
	Next  *Wrap
	Any   any
	Err   error
}

type Color int

func (c Color) String() string {
	switch c {
	case 0:
		return "Red"
	case 1:
		return "Green"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type PtrStr struct{ N int }

func (p *PtrStr) String() string { return fmt.Sprintf("PS#%d", p.N) }

type Box struct {
	C    Color
	Name string
}

type CodeError struct {
	Code int
	Msg  string
}

func (c *CodeError) Error() string { return fmt.Sprintf("code %d: %s", c.Code, c.Msg) }

type MyInt int
type Celsius float64
type MyBytes []byte
type Name string
type K struct{ A, B int }
type T struct{ A int }

func out(id, s string) { fmt.Printf("%s\t%q\n", id, s) }
func f(id, format string, a ...any) { out(id, fmt.Sprintf(format, a...)) }
func p(id string, a ...any)         { out(id, fmt.Sprint(a...)) }
func l(id string, a ...any)         { out(id, fmt.Sprintln(a...)) }

// Fake addresses, outside Go's heap arena.
const (
	addr1 = 0xc0ffee000
	addr2 = 0xc0ffee040
)

func fakePoint(a uintptr) *Point { return (*Point)(unsafe.Pointer(a)) }
func fakeInt(a uintptr) *int { return (*int)(unsafe.Pointer(a)) }
func fakeChan(a uintptr) chan int {
	return *(*chan int)(unsafe.Pointer(&a))
}
func fakeMap(a uintptr) map[string]int {
	return *(*map[string]int)(unsafe.Pointer(&a))
}

func main() {
	// integers (run corpus 001)
	for i, v := range []int{0, 1, -1, 42, -42, 255, 1000000, -9223372036854775807 - 1} {
		f(fmt.Sprintf("int/row%d", i), "%d|%5d|%-5d|%05d|%x|%X|%o|%b", v, v, v, v, v, v, v, v)
	}
	var u64 uint64 = 18446744073709551615
	l("int/println", uint8(200), int8(-100), u64)
	f("int/hex", "%x %X %d", u64, uint8(200), int8(-100))
	f("int/signs", "%+d %+d % d % d", 5, -5, 5, -5)
	f("int/chars", "%c%c%c", 71, 111, 33)
	f("int/quote", "%q %q", 65, 0x1F600)
	f("int/sharp", "%08b %#x %#o %#X %#b %O", 5, 255, 8, -255, 5, 8)
	f("int/prec", "%.0d|%5.0d|%08.3d|%-08d|%.3x|%+.2d", 0, 0, 7, 7, 10, 3)
	f("int/sharpv", "%#v %#v %#v %#v", 42, uint8(3), uint(255), int64(-7))
	f("int/unicode", "%U %#U %.6U %#U %U", 'x', 'x', 'x', '\n', -1)
	f("int/badrune", "%c|%q|%c", 0x110000, -1, 0xD800)
	f("int/space", "% x|%+x|% 05d|%+05d|%-+5d|", 255, 255, 3, 3, 3)
	f("int/named", "%v %d %x", MyInt(12), MyInt(-3), MyInt(255))
	f("int/uintptr", "%v %d %#v", uintptr(4096), uintptr(7), uintptr(16))

	// floats (run corpus 002)
	a, b := 0.1, 0.2
	l("float/sum", a+b, a*3, 1.0/3.0)
	l("float/big", 1e6, 1e20, 1e21, 1e-4, 1e-5, 123456789.0)
	l("float/f32", float32(0.1), float32(1)/3, float64(float32(0.1)))
	f("float/fixed", "%f %.2f %8.3f|%-8.3f|%08.3f", 3.14159, 3.14159, 3.14159, 3.14159, -3.14159)
	f("float/g", "%g %g %g %g", 100000.0, 1000000.0, 1e21, 0.000012345)
	f("float/vprec", "%v %v %.3g %.10g", 2.5, 2.0, 1234.5678, 1.0/7)
	zero := 0.0
	l("float/special", 1/zero, -1/zero, zero/zero, -zero)
	f("float/specialf", "%f %g %v %5.1f|%-6v|%+v|% v|%06v", 1/zero, -1/zero, zero/zero, 1/zero, zero/zero, zero/zero, 1/zero, -1/zero)
	var f32 float32 = 16777216
	l("float/f32big", f32+1, f32+2)
	f("float/round", "%6.1f|%-6.1f|%+.1f|%.0f|%.0f|%.1f", 2.25, 2.35, 2.45, 2.5, 3.5, 0.05)
	l("float/mixed", float64(7)/2, 7/2, -7.5, 2.0e-7)
	f("float/e", "%e %E %.2e %.0e %e %e", 123456.789, 0.000123, 1.0, 5.5, 0.0, 1e-300)
	f("float/G", "%G %G %.3G %g", 1e-7, 1e21, 123456.0, 1e100)
	f("float/hex", "%x %X %.2x %x %x %b", 2.5, 1.0, 3.14159, 0.0, -0.1, 1.0)
	f("float/sharp", "%#g %#.3g %#v %#.0f %#e %#g %#.4g", 1.0, 2.0, 1.0, 3.0, 1.0, 123456.0, 0.01)
	f("float/plus", "%+f %+g % f % .2e %+v", 1.5, -2.5, 1.5, 1.5, 3.0)
	f("float/zero", "%08.2f|%-08.2f|%+08.2f|% 08.2f|%08v", -1.5, 1.5, 1.5, 1.5, 2.5)
	f("float/f32verbs", "%v %g %e %.3f %x", float32(1)/3, float32(16777216), float32(0.1), float32(2.675), float32(1.5))
	f("float/small", "%v %v %v %v", 5e-324, 1.7976931348623157e308, 0.000001, 0.0000001)
	f("float/named", "%v %.1f %T", Celsius(36.6), Celsius(-40), Celsius(0))
	f("float/gprec", "%.1g %.2g %.5g %.0g %.3g %.20g", 0.15, 99.9, 100000.0, 7.0, 100000.0, 0.1)
	f("float/fbig", "%f %.3f %.1f", 1e21, 123456789.125, 0.25)
	f("float/bad", "%d %s %t", 1.5, 2.5, 3.5)
	f("float/sharpv", "%#v %#v %#v %#v", 1.0, 1e6, 1.5, float32(0.1))

	// strings (run corpus 003)
	s := "héllo, 世界"
	l("str/println", s, len(s))
	f("str/verbs", "%s|%v|%q", s, s, s)
	f("str/hex", "%x", "hi!")
	f("str/hexspace", "% x", "hi!")
	f("str/HEX", "%X", "héllo")
	f("str/width", "[%10s][%-10s][%.3s][%5.1s]", "go", "go", "gopher", "gopher")
	f("str/quote", "%q %q %q", "tab\there", "quote\"s", "nl\n")
	f("str/quotebytes", "%q", "\x00\x7f\xff")
	f("str/empty", "%s|%q|%x|%5x|", "", "", "", "")
	l("str/concat", "a"+"b"+"c")
	f("str/runes", "%5s|%-5s|", "世界", "世界")
	f("str/hexflags", "%#x|% #x|%#X|%8x|%-8x|%.2x|% X", "abc", "abc", "abc", "ab", "ab", "abcd", "abc")
	f("str/zero", "%05s|%-05s|%.0s|%.10s", "ab", "ab", "ab", "ab")
	f("str/sharpq", "%#q %#q %#q %+q", "raw", "has`tick", "nl\n", "héllo")
	f("str/sharpv", "%#v %#v", "a\"b", Name("n"))
	f("str/named", "%v %s %q %x %T", Name("bob"), Name("bob"), Name("bob"), Name("bob"), Name("bob"))
	f("str/bad", "%d %c %t", "x", "y", "z")
	f("str/invalid", "%s|%x|%q|%+q|%5s|%.2s", "a\xffb", "\xff", "\xc3", "é\xff", "\xff", "\xffé")
	f("str/precunicode", "%.2s|%.1q|%5.3s|", "世界你好", "世界", "héllo")

	// byte slices (003, 005)
	bs := []byte("bytes")
	f("bytes/verbs", "%s %q %x %v", bs, bs, bs, bs)
	bb := []byte{0, 1, 254, 255}
	l("bytes/println", bb)
	f("bytes/hex", "%v %x %X % x %#x % #x", bb, bb, bb, bb, bb, bb)
	var arr [5]byte
	l("bytes/array", arr)
	f("bytes/s", "%s", []byte{104, 105})
	f("bytes/sharpv", "%#v %#v %#v", []byte{1, 2}, []byte(nil), [2]byte{3, 4})
	f("bytes/d", "%d %5d %o %c %U", []byte{1, 2}, []byte{1}, []byte{8}, []byte{65, 66}, []byte{67})
	f("bytes/nil", "%s|%v|%x|%q|%d", []byte(nil), []byte(nil), []byte(nil), []byte(nil), []byte(nil))
	f("bytes/named", "%v %s %x %#v %T", MyBytes("ab"), MyBytes("ab"), MyBytes("ab"), MyBytes("ab"), MyBytes("ab"))
	f("bytes/arrayverbs", "%s %x %q %v", [3]byte{97, 98, 99}, [2]byte{1, 255}, [1]byte{'"'}, [2]byte{1, 2})
	f("bytes/bad", "%t", []byte{1})
	f("bytes/width", "[%8s][%-8x][%6v]", []byte("go"), []byte("go"), []byte{1, 2})
	f("bytes/ptr", "%v %s %x", &[3]byte{97, 98, 99}, &[3]byte{97, 98, 99}, &[]byte{1, 2})

	// structs (004)
	pt := Point{1, 2}
	l("struct/println", pt)
	f("struct/v", "%v %+v", pt, pt)
	ln := Line{Point{0, 0}, Point{3, 4}, "diag"}
	f("struct/nested", "%v\n%+v", ln, ln)
	l("struct/ptr", &pt)
	f("struct/ptrv", "%v %+v", &ln, &ln)
	w := Wrap{Name: "w", Tags: []string{"a", "b"}, Attrs: map[string]int{"z": 1, "a": 2}}
	f("struct/wrap", "%v\n%+v", w, w)
	var empty struct{}
	l("struct/anon", empty, struct{ A, B bool }{true, false})
	f("struct/anonplus", "%+v", struct {
		N int
		S string
	}{7, "seven"})
	ps := []Point{{1, 2}, {3, 4}}
	l("struct/slice", ps)
	f("struct/sliceplus", "%+v", ps)
	l("struct/emptyptrs", []*Point{}, 0)
	f("struct/sharpv", "%#v|%#v|%#v", pt, &pt, ln)
	f("struct/sharpvwrap", "%#v", w)
	f("struct/anonsharp", "%#v %#v", struct{ A int }{1}, struct{}{})
	f("struct/verbs", "%d|%x|%s|%05d|%+d", pt, Point{255, 16}, pt, pt, pt)
	f("struct/mixedbad", "%d", struct {
		N int
		S string
	}{1, "s"})
	f("struct/width", "[%10v][%-4v][%+4v]", struct{ A int }{1}, pt, pt)

	// slices and arrays (005)
	l("slice/basic", []int{1, 2, 3}, []string{"a", "b c", ""}, [3]int{7, 8, 9})
	l("slice/nested", [][]int{{1}, {2, 3}, {}}, [2][2]bool{{true, false}, {false, true}})
	var ns []int
	l("slice/nil", ns, len(ns), ns == nil)
	l("slice/empty", []int{}, 0, false)
	f("slice/verbs", "%v %d %x", []int{10, 11}, []int{10, 11}, []int{10, 11})
	f("slice/q", "%q", []string{"x", "y\tz"})
	l("slice/floats", []float64{1, 2.5, -0.125})
	l("slice/any", []any{1, "a", nil, 2.5, true})
	f("slice/width", "%v|%6v|", []int{1}, []int{1, 2})
	l("slice/runes", []rune("hé"), []byte("hé"))
	f("slice/sharpv", "%#v %#v %#v %#v %#v", []int{1, 2}, []int(nil), [2]string{"a", "b"}, []any{nil, 1, "s"}, [][]int{{1}, nil})
	f("slice/ptr", "%v %+v %v", &[]int{1, 2}, &[2]Point{{1, 2}, {3, 4}}, &[]string{})
	f("slice/c", "%c %q %U", []rune{'x', 'y'}, []rune{'a'}, []int32{0x41})
	f("slice/bools", "%v %t %5t", []bool{true, false}, []bool{true}, []bool{false})
	f("slice/floatverbs", "%.1f %e %5.2v", []float64{1.25, 2}, []float64{1}, []float64{3.14159})
	f("slice/bad", "%d %s", []string{"a"}, []int{1, 2})

	// maps (006)
	m := map[string]int{"zeta": 26, "alpha": 1, "mid": 13, "Beta": 2}
	l("map/string", m)
	f("map/v", "%v\n%+v", m, m)
	l("map/int", map[int]string{10: "ten", -3: "minus three", 0: "zero", 7: "seven"})
	var nilm map[string]bool
	l("map/nil", nilm, len(nilm), nilm == nil)
	l("map/nested", map[string]map[string]int{"b": {"y": 2, "x": 1}, "a": {"k": 0}})
	l("map/slices", map[string][]int{"odd": {1, 3}, "even": {2, 4}})
	l("map/float", map[float64]bool{2.5: true, -1: false, 0: true})
	l("map/bool", map[bool]int{true: 1, false: 0})
	l("map/struct", map[K]string{{2, 1}: "c", {1, 2}: "b", {1, 1}: "a"})
	l("map/any", map[any]int{"s": 1, 2: 2, 1: 3, "a": 4})
	l("map/empty", map[string]int{})
	f("map/sharpv", "%#v|%#v|%#v", map[string]int{"b": 2, "a": 1}, map[string]int(nil), map[K]bool{{1, 2}: true})
	f("map/verbs", "%x %d %q", map[string]int{"k": 255}, map[int]int{2: 20, 1: 10}, map[string]string{"a": "b"})
	f("map/ptr", "%v %+v", &map[string]int{"a": 1}, &map[string]Point{"p": {1, 2}})
	l("map/uint", map[uint8]string{200: "b", 3: "a"}, map[int8]bool{-1: true, 1: false})
	l("map/stringer", map[Color]int{2: 3, 0: 1})
	l("map/array", map[[2]int]int{{2, 0}: 1, {1, 5}: 2, {1, 2}: 3})
	l("map/nan", map[float64]int{zero / zero: 1, -1: 2, 1: 3})
	l("map/anymix", map[any]int{"s": 1, int8(3): 2, 7: 3, uint(1): 4, 1.5: 5, true: 6, nil: 7})

	// nil values (007)
	var np *T
	var ni any
	var ne error
	var nf func()
	var nc chan int
	l("nil/println", np, ni, ne, ns, nilm, nf == nil, nc)
	f("nil/v", "%v %v %v %v %v", np, ni, ne, ns, nilm)
	f("nil/verbs", "%+v %d %s", np, ns, ns)
	f("nil/width", "[%5v][%-5v]", nil, nil)
	f("nil/T", "%T %T %T %T", np, ni, ne, ns)
	l("nil/ptrslice", []*T{nil, nil})
	f("nil/fields", "%v %+v", struct {
		P *T
		E error
	}{}, struct{ I any }{})
	f("nil/sharpv", "%#v|%#v|%#v|%#v|%#v", np, nf, nc, struct{ E error }{}, []error{nil})
	f("nil/d", "%d %x %p %s %d", np, np, np, np, nil)
	f("nil/func", "%v %p %T", nf, nf, nf)
	f("nil/iface", "%s %d %t %p %x", nil, nil, nil, nil, nil)

	// errors (008)
	e1 := fmt.Errorf("find %q: %w", "a", errors.New("not found"))
	l("err/wrapped", e1)
	e2 := error(&CodeError{404, "no x"})
	f("err/codeerr", "%v | %s | %T", e2, e2, e2)
	l("err/outer", fmt.Errorf("outer: %w", e2))
	l("err/join", errors.Join(errors.New("first"), errors.New("second")))
	f("err/verbs", "%q %x %d %+v %10v|", e2, e2, e2, e2, e2)
	f("err/new", "%v %d %+v", errors.New("plain"), errors.New("plain"), errors.New("plain"))
	f("err/T", "%T %T", errors.New("x"), e1)
	l("err/inslice", []error{errors.New("a"), nil, e2})
	f("err/infield", "%v %+v", Wrap{Err: errors.New("boom")}, struct{ E error }{e2})
	f("err/sharpv", "%#v", e2)
	f("err/sprintfw", "%w", errors.New("w"))
	f("err/wnonerr", "%w", 5)

	// Stringer (009)
	l("stringer/println", Color(0), Color(1), Color(2), Color(9))
	f("stringer/verbs", "%v %s %d %q %x %X", Color(1), Color(1), Color(1), Color(1), Color(1), Color(1))
	l("stringer/slice", []Color{2, 0})
	l("stringer/field", Box{1, "b"})
	f("stringer/fieldplus", "%+v", Box{2, "c"})
	v := PtrStr{5}
	l("stringer/ptrrecv", v, &v)
	f("stringer/ptrverbs", "%v %+v %s %d", v, v, &v, &v)
	f("stringer/width", "%5v|%-7v|%.2s|%7q|", Color(0), Color(1), Color(1), Color(0))
	f("stringer/sharpv", "%#v %#v", Color(1), Box{0, "x"})
	f("stringer/bad", "%t %c", Color(1), Color(65))
	f("stringer/extra", "%d", 1, Color(0), Color(3))
	l("stringer/ptrslice", []*PtrStr{{1}, {2}})
	p("stringer/sprint", Color(0), Color(1), "x", Color(0))

	// %T (010)
	f("T/basic", "%T %T %T %T %T", 1, 1.5, "s", 'r', true)
	f("T/sized", "%T %T %T %T", int8(1), uint16(2), byte(3), uintptr(4))
	f("T/named", "%T %T %T", MyInt(1), Point{}, &Point{})
	f("T/composite", "%T %T %T", []int{}, [3]string{}, map[string][]bool{})
	f("T/width", "[%10T][%-6T]", 1, "s")
	f("T/anon", "%T %T", struct{ X int }{}, []any{1})

	// quoting (011)
	for i, q := range []string{"plain", "with space", "tab\t", "newline\n", "quote\"", "back\\slash", "é", "世界", "\x01", "\u00ff", "emoji 😀", "\a\b\f\r\v", "\u200b\u00ad", "\U000e0001", "\ufeff", "it's", "\x7f\u0085"} {
		f(fmt.Sprintf("quote/s%d", i), "%q %+q %#q", q, q, q)
	}
	for i, r := range []rune{'a', '\'', '\n', 'é', '世', 0, '"', '\\', 0x7f, 0x2028, 0x1F600, 0xFFFD} {
		f(fmt.Sprintf("quote/r%d", i), "%q %c %d %U %+q %#q", r, r, r, r, r, r)
	}
	f("quote/width", "%10q|%-10q|", "x", "y")

	// widths (012)
	f("width/star", "[%*d] [%-*d] [%*d] [%.*f] [%*.*f]", 6, 42, 6, 42, -4, 7, 2, 3.14159, 8, 3, 2.5)
	f("width/floats", "[%6.2f] [%-8.3f] [%08.2f] [%+8.2f]", 3.14159, 2.71828, -1.5, 1.5)
	f("width/ints", "[%3d] [%3d] [%03d]", 12345, -1, -1)
	f("width/bools", "[%6t] [%-6t] [%06t]", true, false, true)
	f("width/chars", "[%4c] [%-4c] [%04c]", 'x', 'y', 'z')
	f("width/hex", "[%8x] [%-8X] [%08x]", 3054, 3054, 3054)
	f("width/percent", "%%d literal %d%% %5% %-5%|", 50)
	f("width/badstar", "%*d|%.*d|%*d", "x", 5, "y", 6, 10000000, 7)
	f("width/index", "%[2]d %[1]d %d %[3]*.[2]*[1]f", 1.0, 2, 8)
	f("width/badindex", "%[5]d %[0]d %[x]d %[1]", 1)
	f("width/indexnoextra", "%[1]d", 1, 2)
	f("width/huge", "%.2f|%10.4s|", 1.0, "abcdefgh")

	// Print/Println spacing (013)
	l("print/ln", "a", "b", 1, 2, "c")
	p("print/strs", "a", "b", 1, 2, "c", "\n")
	p("print/ints", 1, 2, 3)
	p("print/mixed", "x", 1, "y", 2.5, true, false)
	p("print/sandwich", 1, "s", 2)
	p("print/nils", nil, nil)
	p("print/slices", []int{1}, []int{2})
	p("print/names", Name("a"), Name("b"), 1)
	l("print/empty")
	l("print/emptystr", "")
	p("print/none")
	p("print/one", nil)
	p("print/runes", 'a', 'b')
	p("print/errs", errors.New("e1"), errors.New("e2"))

	// bool and char (014)
	l("bool/println", true, false)
	f("bool/verbs", "%t %v %5t|", true, false, true)
	f("bool/bad", "%d %t %s", true, 5, false)
	f("bool/sharpv", "%#v %#v", true, []bool{false})
	var r rune = 'G'
	var by byte = 'g'
	l("char/println", r, by, string(r), string(by))
	f("char/verbs", "%c %c %v %v %q %q", r, by, r, by, r, by)

	// bad verbs (015)
	f("bad/d_str", "%d", "str")
	f("bad/s_int", "%s", 42)
	f("bad/missing", "%d %d", 1)
	f("bad/extra", "%d", 1, 2)
	f("bad/z", "%z", 3)
	f("bad/noverbs", "no verbs", "extra", 7)
	f("bad/bang", "%!")
	f("bad/x_float", "%x", 2.5)
	f("bad/nil_s", "%s", nil)
	f("bad/nil_d", "%d", nil)
	f("bad/trailing", "trailing %")
	f("bad/compose", "%d-%s", 5)
	f("bad/width", "%5z|%-5t|", 3, Color(2))
	f("bad/extranil", "x", nil, 1, "s", []int{1})
	f("bad/unicode", "%é %☺", 1)
	f("bad/flagsonly", "%-+ #0")
	f("bad/ptr", "%s %t", &Point{1, 2}, (*int)(unsafe.Pointer(uintptr(addr1))))
	f("bad/nested", "%s", []*Point{{1, 2}})

	// interfaces (016)
	for i, iv := range []any{42, "str", 3.5, Point{1, 2}, &T{9}, []int{1}, map[string]int{"a": 1}, nil, true, 'c', byte(1)} {
		f(fmt.Sprintf("iface/%d", i), "%v (%T)", iv, iv)
	}
	f("iface/field", "%v %+v", struct{ A any }{Point{1, 2}}, struct{ A any }{fakePoint(addr2)})
	f("iface/shape", "%v", []fmt.Stringer{Color(1), nil})
	f("iface/sharpv", "%#v", []any{MyInt(1), "s", 1.5, Point{1, 2}, fakePoint(addr1)})

	// pointers at depth > 0 (fake addresses)
	f("ptr/nested", "%v %+v %v", []*Point{fakePoint(addr1), nil}, struct{ P *Point }{fakePoint(addr2)}, map[string]*Point{"a": fakePoint(addr1)})
	f("ptr/sharpv", "%#v %#v", []*Point{fakePoint(addr1)}, struct{ P *Point }{fakePoint(addr2)})
	f("ptr/verbs", "%p %#p %x %X %d %o %b", fakePoint(addr1), fakePoint(addr1), fakeInt(addr1), fakeInt(addr1), fakeInt(addr2), fakeInt(addr2), fakeInt(0x10))
	f("ptr/width", "[%20p] [%-14v] [%020p]", fakePoint(addr1), []*Point{fakePoint(addr1)}, fakePoint(addr1))
	f("ptr/unsafe", "%v %p %#v", unsafe.Pointer(uintptr(addr1)), unsafe.Pointer(uintptr(addr2)), unsafe.Pointer(uintptr(addr1)))
	f("ptr/chan", "%v %p %d %#v %T", fakeChan(addr1), fakeChan(addr2), fakeChan(addr1), fakeChan(addr2), fakeChan(addr1))
	f("ptr/map", "%p %#p", fakeMap(addr1), fakeMap(addr2))
	f("ptr/intptr", "%v %d", (*int)(unsafe.Pointer(uintptr(addr1))), (*int)(nil))
	f("ptr/ptrptr", "%v", (**Point)(unsafe.Pointer(uintptr(addr2))))
	f("ptr/bad", "%p %p %s", 5, "s", fakeChan(addr1))
	f("ptr/deep", "%v", &struct{ P *Point }{fakePoint(addr1)})

	// composition (017)
	f("compose/v", "%v|%v", 1, "a")
	f("compose/pad", "<%02d>,<%02d>", 0, 7)
	out("compose/sprint", fmt.Sprint()+"|"+fmt.Sprint(nil)+"|"+fmt.Sprint("a", "b"))
}
