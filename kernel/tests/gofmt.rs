// The cases mirror a Go program that formats literal values such as 3.14159; they are data.
#![allow(clippy::approx_constant)]
//! Differential test: gomem's `gofmt` against real Go 1.27.3's `fmt`.
//!
//! `tests/gofmt/go/main.go` prints every case with the real `fmt` (as `CASE_ID<TAB>%q`) into
//! `tests/gofmt/golden.txt` (`scripts/golden-gofmt.sh`; never edited by hand). This file
//! builds the same cases, in the same order and with the same ids, as `Value`s, formats them
//! with gomem and compares. A case may differ only if `tests/gofmt/DIFFERENCES.md` lists it
//! (`- CASE_ID: reason`); a listed case that agrees fails the test too (ratchet).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use gomem::gofmt::{go_quote, sprint_bytes, sprintf_bytes, sprintln_bytes, TypeName, Value};

const ADDR1: u64 = 0xc0ffee000;
const ADDR2: u64 = 0xc0ffee040;
/// Some non-nil address for real pointers that are only printed as `&{…}`.
const SOME: u64 = 0xc000010000;

struct Cases(Vec<(String, Vec<u8>)>);

impl Cases {
    fn f(&mut self, id: &str, format: &str, args: Vec<Value>) {
        self.0
            .push((id.into(), sprintf_bytes(format.as_bytes(), &args)));
    }
    fn p(&mut self, id: &str, args: Vec<Value>) {
        self.0.push((id.into(), sprint_bytes(&args)));
    }
    fn l(&mut self, id: &str, args: Vec<Value>) {
        self.0.push((id.into(), sprintln_bytes(&args)));
    }
    fn out(&mut self, id: &str, s: &[u8]) {
        self.0.push((id.into(), s.to_vec()));
    }
}

fn t(s: &str) -> TypeName {
    TypeName(s.into())
}
fn i(v: i64) -> Value {
    Value::int(v)
}
fn it(v: i64, ty: &str) -> Value {
    Value::int_of(v, ty)
}
fn ut(v: u64, ty: &str) -> Value {
    Value::uint_of(v, ty)
}
fn r(c: char) -> Value {
    Value::int_of(c as i64, "int32")
}
fn fl(v: f64) -> Value {
    Value::f64(v)
}
fn f32v(v: f32) -> Value {
    Value::f32(v)
}
fn s(v: &str) -> Value {
    Value::str(v)
}
fn sb(v: &[u8]) -> Value {
    Value::str(v)
}
fn b(v: bool) -> Value {
    Value::bool(v)
}
fn nil() -> Value {
    Value::iface("interface {}", None)
}
fn any(v: Value) -> Value {
    Value::iface("interface {}", Some(v))
}
fn ints(ty: &str, v: &[i64]) -> Value {
    Value::slice(ty, v.iter().map(|&x| i(x)).collect())
}
fn strs(v: &[&str]) -> Value {
    Value::slice("[]string", v.iter().map(|x| s(x)).collect())
}
fn bytes(v: &[u8]) -> Value {
    Value::bytes(Some(v))
}
fn byte_array(ty: &str, v: &[u8]) -> Value {
    Value::Array {
        ty: t(ty),
        elems: v.iter().map(|&x| ut(x as u64, "uint8")).collect(),
        bytes: true,
    }
}
fn nil_slice(ty: &str, bytes: bool) -> Value {
    Value::Slice {
        ty: t(ty),
        addr: 0,
        elems: vec![],
        nil: true,
        bytes,
    }
}
fn nil_map(ty: &str) -> Value {
    Value::Map {
        ty: t(ty),
        addr: 0,
        entries: vec![],
        nil: true,
    }
}
fn point(x: i64, y: i64) -> Value {
    Value::strukt("main.Point", vec![("X", i(x)), ("Y", i(y))])
}
fn ptr_to(ty: &str, v: Value) -> Value {
    Value::ptr(ty, SOME, Some(v))
}
fn fake_point(addr: u64) -> Value {
    Value::ptr("*main.Point", addr, None)
}
fn fake_int(addr: u64) -> Value {
    Value::ptr("*int", addr, None)
}
fn line(a: Value, bb: Value, label: &str) -> Value {
    Value::strukt("main.Line", vec![("A", a), ("B", bb), ("Label", s(label))])
}
fn color(n: i64) -> Value {
    let name = match n {
        0 => "Red".to_string(),
        1 => "Green".to_string(),
        _ => format!("Color({n})"),
    };
    Value::stringer(name, it(n, "main.Color"))
}
fn ptrstr(n: i64) -> Value {
    let inner = Value::strukt("main.PtrStr", vec![("N", i(n))]);
    Value::stringer(format!("PS#{n}"), ptr_to("*main.PtrStr", inner))
}
fn errors_new(msg: &str) -> Value {
    let inner = Value::strukt("errors.errorString", vec![("s", s(msg))]);
    Value::error(msg, ptr_to("*errors.errorString", inner))
}
fn code_error() -> Value {
    let inner = Value::strukt("main.CodeError", vec![("Code", i(404)), ("Msg", s("no x"))]);
    Value::error("code 404: no x", ptr_to("*main.CodeError", inner))
}
fn wrap_error(msg: &str) -> Value {
    // *fmt.wrapError; its fields are never printed by these cases.
    Value::error(
        msg,
        ptr_to("*fmt.wrapError", Value::strukt("fmt.wrapError", vec![])),
    )
}
fn err_iface(v: Option<Value>) -> Value {
    Value::iface("error", v)
}
fn struct_anon(ty: &str, fields: Vec<(&str, Value)>) -> Value {
    Value::strukt(ty, fields)
}
fn map(ty: &str, entries: Vec<(Value, Value)>) -> Value {
    Value::map(ty, entries)
}
fn wrap(
    name: &str,
    tags: Option<&[&str]>,
    attrs: Option<Vec<(&str, i64)>>,
    err: Option<Value>,
) -> Value {
    Value::strukt(
        "main.Wrap",
        vec![
            ("Name", s(name)),
            (
                "Tags",
                match tags {
                    Some(t) => strs(t),
                    None => nil_slice("[]string", false),
                },
            ),
            (
                "Attrs",
                match attrs {
                    Some(a) => map(
                        "map[string]int",
                        a.into_iter().map(|(k, v)| (s(k), i(v))).collect(),
                    ),
                    None => nil_map("map[string]int"),
                },
            ),
            ("Next", Value::ptr("*main.Wrap", 0, None)),
            ("Any", nil()),
            ("Err", err_iface(err)),
        ],
    )
}

fn build() -> Vec<(String, Vec<u8>)> {
    let mut c = Cases(Vec::new());
    // integers (run corpus 001)
    for (k, v) in [0i64, 1, -1, 42, -42, 255, 1000000, i64::MIN]
        .into_iter()
        .enumerate()
    {
        c.f(
            &format!("int/row{k}"),
            "%d|%5d|%-5d|%05d|%x|%X|%o|%b",
            vec![i(v); 8],
        );
    }
    c.l(
        "int/println",
        vec![ut(200, "uint8"), it(-100, "int8"), ut(u64::MAX, "uint64")],
    );
    c.f(
        "int/hex",
        "%x %X %d",
        vec![ut(u64::MAX, "uint64"), ut(200, "uint8"), it(-100, "int8")],
    );
    c.f(
        "int/signs",
        "%+d %+d % d % d",
        vec![i(5), i(-5), i(5), i(-5)],
    );
    c.f("int/chars", "%c%c%c", vec![i(71), i(111), i(33)]);
    c.f("int/quote", "%q %q", vec![i(65), i(0x1F600)]);
    c.f(
        "int/sharp",
        "%08b %#x %#o %#X %#b %O",
        vec![i(5), i(255), i(8), i(-255), i(5), i(8)],
    );
    c.f(
        "int/prec",
        "%.0d|%5.0d|%08.3d|%-08d|%.3x|%+.2d",
        vec![i(0), i(0), i(7), i(7), i(10), i(3)],
    );
    c.f(
        "int/sharpv",
        "%#v %#v %#v %#v",
        vec![i(42), ut(3, "uint8"), ut(255, "uint"), it(-7, "int64")],
    );
    c.f(
        "int/unicode",
        "%U %#U %.6U %#U %U",
        vec![r('x'), r('x'), r('x'), r('\n'), i(-1)],
    );
    c.f(
        "int/badrune",
        "%c|%q|%c",
        vec![i(0x110000), i(-1), i(0xD800)],
    );
    c.f(
        "int/space",
        "% x|%+x|% 05d|%+05d|%-+5d|",
        vec![i(255), i(255), i(3), i(3), i(3)],
    );
    c.f(
        "int/named",
        "%v %d %x",
        vec![
            it(12, "main.MyInt"),
            it(-3, "main.MyInt"),
            it(255, "main.MyInt"),
        ],
    );
    c.f(
        "int/uintptr",
        "%v %d %#v",
        vec![ut(4096, "uintptr"), ut(7, "uintptr"), ut(16, "uintptr")],
    );

    // floats (002)
    let (a, bb) = (0.1f64, 0.2f64);
    c.l("float/sum", vec![fl(a + bb), fl(a * 3.0), fl(1.0 / 3.0)]);
    c.l(
        "float/big",
        vec![
            fl(1e6),
            fl(1e20),
            fl(1e21),
            fl(1e-4),
            fl(1e-5),
            fl(123456789.0),
        ],
    );
    c.l(
        "float/f32",
        vec![f32v(0.1), f32v(1.0 / 3.0), fl(0.1f32 as f64)],
    );
    c.f(
        "float/fixed",
        "%f %.2f %8.3f|%-8.3f|%08.3f",
        vec![
            fl(3.14159),
            fl(3.14159),
            fl(3.14159),
            fl(3.14159),
            fl(-3.14159),
        ],
    );
    c.f(
        "float/g",
        "%g %g %g %g",
        vec![fl(100000.0), fl(1000000.0), fl(1e21), fl(0.000012345)],
    );
    c.f(
        "float/vprec",
        "%v %v %.3g %.10g",
        vec![fl(2.5), fl(2.0), fl(1234.5678), fl(1.0 / 7.0)],
    );
    let (inf, ninf, nan) = (f64::INFINITY, f64::NEG_INFINITY, f64::NAN);
    c.l("float/special", vec![fl(inf), fl(ninf), fl(nan), fl(-0.0)]);
    c.f(
        "float/specialf",
        "%f %g %v %5.1f|%-6v|%+v|% v|%06v",
        vec![
            fl(inf),
            fl(ninf),
            fl(nan),
            fl(inf),
            fl(nan),
            fl(nan),
            fl(inf),
            fl(ninf),
        ],
    );
    c.l(
        "float/f32big",
        vec![f32v(16777216.0 + 1.0), f32v(16777218.0)],
    );
    c.f(
        "float/round",
        "%6.1f|%-6.1f|%+.1f|%.0f|%.0f|%.1f",
        vec![fl(2.25), fl(2.35), fl(2.45), fl(2.5), fl(3.5), fl(0.05)],
    );
    c.l("float/mixed", vec![fl(3.5), i(3), fl(-7.5), fl(2.0e-7)]);
    c.f(
        "float/e",
        "%e %E %.2e %.0e %e %e",
        vec![
            fl(123456.789),
            fl(0.000123),
            fl(1.0),
            fl(5.5),
            fl(0.0),
            fl(1e-300),
        ],
    );
    c.f(
        "float/G",
        "%G %G %.3G %g",
        vec![fl(1e-7), fl(1e21), fl(123456.0), fl(1e100)],
    );
    c.f(
        "float/hex",
        "%x %X %.2x %x %x %b",
        vec![fl(2.5), fl(1.0), fl(3.14159), fl(0.0), fl(-0.1), fl(1.0)],
    );
    c.f(
        "float/sharp",
        "%#g %#.3g %#v %#.0f %#e %#g %#.4g",
        vec![
            fl(1.0),
            fl(2.0),
            fl(1.0),
            fl(3.0),
            fl(1.0),
            fl(123456.0),
            fl(0.01),
        ],
    );
    c.f(
        "float/plus",
        "%+f %+g % f % .2e %+v",
        vec![fl(1.5), fl(-2.5), fl(1.5), fl(1.5), fl(3.0)],
    );
    c.f(
        "float/zero",
        "%08.2f|%-08.2f|%+08.2f|% 08.2f|%08v",
        vec![fl(-1.5), fl(1.5), fl(1.5), fl(1.5), fl(2.5)],
    );
    c.f(
        "float/f32verbs",
        "%v %g %e %.3f %x",
        vec![
            f32v(1.0 / 3.0),
            f32v(16777216.0),
            f32v(0.1),
            f32v(2.675),
            f32v(1.5),
        ],
    );
    c.f(
        "float/small",
        "%v %v %v %v",
        vec![
            fl(5e-324),
            fl(1.7976931348623157e308),
            fl(0.000001),
            fl(0.0000001),
        ],
    );
    let cel = |v: f64| Value::Float {
        v,
        bits: 64,
        ty: t("main.Celsius"),
    };
    c.f(
        "float/named",
        "%v %.1f %T",
        vec![cel(36.6), cel(-40.0), cel(0.0)],
    );
    c.f(
        "float/gprec",
        "%.1g %.2g %.5g %.0g %.3g %.20g",
        vec![
            fl(0.15),
            fl(99.9),
            fl(100000.0),
            fl(7.0),
            fl(100000.0),
            fl(0.1),
        ],
    );
    c.f(
        "float/fbig",
        "%f %.3f %.1f",
        vec![fl(1e21), fl(123456789.125), fl(0.25)],
    );
    c.f("float/bad", "%d %s %t", vec![fl(1.5), fl(2.5), fl(3.5)]);
    c.f(
        "float/sharpv",
        "%#v %#v %#v %#v",
        vec![fl(1.0), fl(1e6), fl(1.5), f32v(0.1)],
    );

    // strings (003)
    let hs = "héllo, 世界";
    c.l("str/println", vec![s(hs), i(hs.len() as i64)]);
    c.f("str/verbs", "%s|%v|%q", vec![s(hs), s(hs), s(hs)]);
    c.f("str/hex", "%x", vec![s("hi!")]);
    c.f("str/hexspace", "% x", vec![s("hi!")]);
    c.f("str/HEX", "%X", vec![s("héllo")]);
    c.f(
        "str/width",
        "[%10s][%-10s][%.3s][%5.1s]",
        vec![s("go"), s("go"), s("gopher"), s("gopher")],
    );
    c.f(
        "str/quote",
        "%q %q %q",
        vec![s("tab\there"), s("quote\"s"), s("nl\n")],
    );
    c.f("str/quotebytes", "%q", vec![sb(b"\x00\x7f\xff")]);
    c.f(
        "str/empty",
        "%s|%q|%x|%5x|",
        vec![s(""), s(""), s(""), s("")],
    );
    c.l("str/concat", vec![s("abc")]);
    c.f("str/runes", "%5s|%-5s|", vec![s("世界"), s("世界")]);
    c.f(
        "str/hexflags",
        "%#x|% #x|%#X|%8x|%-8x|%.2x|% X",
        vec![
            s("abc"),
            s("abc"),
            s("abc"),
            s("ab"),
            s("ab"),
            s("abcd"),
            s("abc"),
        ],
    );
    c.f(
        "str/zero",
        "%05s|%-05s|%.0s|%.10s",
        vec![s("ab"), s("ab"), s("ab"), s("ab")],
    );
    c.f(
        "str/sharpq",
        "%#q %#q %#q %+q",
        vec![s("raw"), s("has`tick"), s("nl\n"), s("héllo")],
    );
    let name = |v: &str| Value::String {
        s: v.as_bytes().to_vec(),
        ty: t("main.Name"),
    };
    c.f("str/sharpv", "%#v %#v", vec![s("a\"b"), name("n")]);
    c.f(
        "str/named",
        "%v %s %q %x %T",
        vec![
            name("bob"),
            name("bob"),
            name("bob"),
            name("bob"),
            name("bob"),
        ],
    );
    c.f("str/bad", "%d %c %t", vec![s("x"), s("y"), s("z")]);
    c.f(
        "str/invalid",
        "%s|%x|%q|%+q|%5s|%.2s",
        vec![
            sb(b"a\xffb"),
            sb(b"\xff"),
            sb(b"\xc3"),
            sb(b"\xc3\xa9\xff"),
            sb(b"\xff"),
            sb(b"\xff\xc3\xa9"),
        ],
    );
    c.f(
        "str/precunicode",
        "%.2s|%.1q|%5.3s|",
        vec![s("世界你好"), s("世界"), s("héllo")],
    );

    // byte slices (003, 005)
    c.f("bytes/verbs", "%s %q %x %v", vec![bytes(b"bytes"); 4]);
    let bb4 = bytes(&[0, 1, 254, 255]);
    c.l("bytes/println", vec![bb4.clone()]);
    c.f("bytes/hex", "%v %x %X % x %#x % #x", vec![bb4.clone(); 6]);
    c.l("bytes/array", vec![byte_array("[5]uint8", &[0; 5])]);
    c.f("bytes/s", "%s", vec![bytes(&[104, 105])]);
    c.f(
        "bytes/sharpv",
        "%#v %#v %#v",
        vec![
            bytes(&[1, 2]),
            Value::bytes(None),
            byte_array("[2]uint8", &[3, 4]),
        ],
    );
    c.f(
        "bytes/d",
        "%d %5d %o %c %U",
        vec![
            bytes(&[1, 2]),
            bytes(&[1]),
            bytes(&[8]),
            bytes(&[65, 66]),
            bytes(&[67]),
        ],
    );
    c.f("bytes/nil", "%s|%v|%x|%q|%d", vec![Value::bytes(None); 5]);
    let mb = Value::Slice {
        ty: t("main.MyBytes"),
        addr: 0,
        elems: vec![ut(97, "uint8"), ut(98, "uint8")],
        nil: false,
        bytes: true,
    };
    c.f("bytes/named", "%v %s %x %#v %T", vec![mb.clone(); 5]);
    c.f(
        "bytes/arrayverbs",
        "%s %x %q %v",
        vec![
            byte_array("[3]uint8", b"abc"),
            byte_array("[2]uint8", &[1, 255]),
            byte_array("[1]uint8", b"\""),
            byte_array("[2]uint8", &[1, 2]),
        ],
    );
    c.f("bytes/bad", "%t", vec![bytes(&[1])]);
    c.f(
        "bytes/width",
        "[%8s][%-8x][%6v]",
        vec![bytes(b"go"), bytes(b"go"), bytes(&[1, 2])],
    );
    c.f(
        "bytes/ptr",
        "%v %s %x",
        vec![
            ptr_to("*[3]uint8", byte_array("[3]uint8", b"abc")),
            ptr_to("*[3]uint8", byte_array("[3]uint8", b"abc")),
            ptr_to("*[]uint8", bytes(&[1, 2])),
        ],
    );

    // structs (004)
    let pt = point(1, 2);
    c.l("struct/println", vec![pt.clone()]);
    c.f("struct/v", "%v %+v", vec![pt.clone(), pt.clone()]);
    let ln = line(point(0, 0), point(3, 4), "diag");
    c.f("struct/nested", "%v\n%+v", vec![ln.clone(), ln.clone()]);
    c.l("struct/ptr", vec![ptr_to("*main.Point", pt.clone())]);
    c.f(
        "struct/ptrv",
        "%v %+v",
        vec![ptr_to("*main.Line", ln.clone()); 2],
    );
    let w = wrap("w", Some(&["a", "b"]), Some(vec![("z", 1), ("a", 2)]), None);
    c.f("struct/wrap", "%v\n%+v", vec![w.clone(), w.clone()]);
    c.l(
        "struct/anon",
        vec![
            struct_anon("struct {}", vec![]),
            struct_anon(
                "struct { A bool; B bool }",
                vec![("A", b(true)), ("B", b(false))],
            ),
        ],
    );
    c.f(
        "struct/anonplus",
        "%+v",
        vec![struct_anon(
            "struct { N int; S string }",
            vec![("N", i(7)), ("S", s("seven"))],
        )],
    );
    let ps = Value::slice("[]main.Point", vec![point(1, 2), point(3, 4)]);
    c.l("struct/slice", vec![ps.clone()]);
    c.f("struct/sliceplus", "%+v", vec![ps.clone()]);
    c.l(
        "struct/emptyptrs",
        vec![Value::slice("[]*main.Point", vec![]), i(0)],
    );
    c.f(
        "struct/sharpv",
        "%#v|%#v|%#v",
        vec![pt.clone(), ptr_to("*main.Point", pt.clone()), ln.clone()],
    );
    c.f("struct/sharpvwrap", "%#v", vec![w.clone()]);
    c.f(
        "struct/anonsharp",
        "%#v %#v",
        vec![
            struct_anon("struct { A int }", vec![("A", i(1))]),
            struct_anon("struct {}", vec![]),
        ],
    );
    c.f(
        "struct/verbs",
        "%d|%x|%s|%05d|%+d",
        vec![
            pt.clone(),
            point(255, 16),
            pt.clone(),
            pt.clone(),
            pt.clone(),
        ],
    );
    c.f(
        "struct/mixedbad",
        "%d",
        vec![struct_anon(
            "struct { N int; S string }",
            vec![("N", i(1)), ("S", s("s"))],
        )],
    );
    c.f(
        "struct/width",
        "[%10v][%-4v][%+4v]",
        vec![
            struct_anon("struct { A int }", vec![("A", i(1))]),
            pt.clone(),
            pt.clone(),
        ],
    );

    // slices and arrays (005)
    c.l(
        "slice/basic",
        vec![
            ints("[]int", &[1, 2, 3]),
            strs(&["a", "b c", ""]),
            Value::array("[3]int", vec![i(7), i(8), i(9)]),
        ],
    );
    let bools = |v: &[bool]| Value::array("[2]bool", v.iter().map(|&x| b(x)).collect());
    c.l(
        "slice/nested",
        vec![
            Value::slice(
                "[][]int",
                vec![
                    ints("[]int", &[1]),
                    ints("[]int", &[2, 3]),
                    ints("[]int", &[]),
                ],
            ),
            Value::array(
                "[2][2]bool",
                vec![bools(&[true, false]), bools(&[false, true])],
            ),
        ],
    );
    c.l("slice/nil", vec![nil_slice("[]int", false), i(0), b(true)]);
    c.l("slice/empty", vec![ints("[]int", &[]), i(0), b(false)]);
    c.f("slice/verbs", "%v %d %x", vec![ints("[]int", &[10, 11]); 3]);
    c.f("slice/q", "%q", vec![strs(&["x", "y\tz"])]);
    c.l(
        "slice/floats",
        vec![Value::slice(
            "[]float64",
            vec![fl(1.0), fl(2.5), fl(-0.125)],
        )],
    );
    let anys = Value::slice(
        "[]interface {}",
        vec![any(i(1)), any(s("a")), nil(), any(fl(2.5)), any(b(true))],
    );
    c.l("slice/any", vec![anys]);
    c.f(
        "slice/width",
        "%v|%6v|",
        vec![ints("[]int", &[1]), ints("[]int", &[1, 2])],
    );
    c.l(
        "slice/runes",
        vec![
            Value::slice("[]int32", vec![r('h'), r('é')]),
            bytes("hé".as_bytes()),
        ],
    );
    c.f(
        "slice/sharpv",
        "%#v %#v %#v %#v %#v",
        vec![
            ints("[]int", &[1, 2]),
            nil_slice("[]int", false),
            Value::array("[2]string", vec![s("a"), s("b")]),
            Value::slice("[]interface {}", vec![nil(), any(i(1)), any(s("s"))]),
            Value::slice(
                "[][]int",
                vec![ints("[]int", &[1]), nil_slice("[]int", false)],
            ),
        ],
    );
    c.f(
        "slice/ptr",
        "%v %+v %v",
        vec![
            ptr_to("*[]int", ints("[]int", &[1, 2])),
            ptr_to(
                "*[2]main.Point",
                Value::array("[2]main.Point", vec![point(1, 2), point(3, 4)]),
            ),
            ptr_to("*[]string", strs(&[])),
        ],
    );
    c.f(
        "slice/c",
        "%c %q %U",
        vec![
            Value::slice("[]int32", vec![r('x'), r('y')]),
            Value::slice("[]int32", vec![r('a')]),
            Value::slice("[]int32", vec![r('A')]),
        ],
    );
    c.f(
        "slice/bools",
        "%v %t %5t",
        vec![
            Value::slice("[]bool", vec![b(true), b(false)]),
            Value::slice("[]bool", vec![b(true)]),
            Value::slice("[]bool", vec![b(false)]),
        ],
    );
    c.f(
        "slice/floatverbs",
        "%.1f %e %5.2v",
        vec![
            Value::slice("[]float64", vec![fl(1.25), fl(2.0)]),
            Value::slice("[]float64", vec![fl(1.0)]),
            Value::slice("[]float64", vec![fl(3.14159)]),
        ],
    );
    c.f(
        "slice/bad",
        "%d %s",
        vec![strs(&["a"]), ints("[]int", &[1, 2])],
    );

    // maps (006)
    let m = map(
        "map[string]int",
        vec![
            (s("zeta"), i(26)),
            (s("alpha"), i(1)),
            (s("mid"), i(13)),
            (s("Beta"), i(2)),
        ],
    );
    c.l("map/string", vec![m.clone()]);
    c.f("map/v", "%v\n%+v", vec![m.clone(), m.clone()]);
    c.l(
        "map/int",
        vec![map(
            "map[int]string",
            vec![
                (i(10), s("ten")),
                (i(-3), s("minus three")),
                (i(0), s("zero")),
                (i(7), s("seven")),
            ],
        )],
    );
    c.l("map/nil", vec![nil_map("map[string]bool"), i(0), b(true)]);
    c.l(
        "map/nested",
        vec![map(
            "map[string]map[string]int",
            vec![
                (
                    s("b"),
                    map("map[string]int", vec![(s("y"), i(2)), (s("x"), i(1))]),
                ),
                (s("a"), map("map[string]int", vec![(s("k"), i(0))])),
            ],
        )],
    );
    c.l(
        "map/slices",
        vec![map(
            "map[string][]int",
            vec![
                (s("odd"), ints("[]int", &[1, 3])),
                (s("even"), ints("[]int", &[2, 4])),
            ],
        )],
    );
    c.l(
        "map/float",
        vec![map(
            "map[float64]bool",
            vec![(fl(2.5), b(true)), (fl(-1.0), b(false)), (fl(0.0), b(true))],
        )],
    );
    c.l(
        "map/bool",
        vec![map("map[bool]int", vec![(b(true), i(1)), (b(false), i(0))])],
    );
    let k = |x: i64, y: i64| Value::strukt("main.K", vec![("A", i(x)), ("B", i(y))]);
    c.l(
        "map/struct",
        vec![map(
            "map[main.K]string",
            vec![(k(2, 1), s("c")), (k(1, 2), s("b")), (k(1, 1), s("a"))],
        )],
    );
    c.l(
        "map/any",
        vec![map(
            "map[interface {}]int",
            vec![
                (any(s("s")), i(1)),
                (any(i(2)), i(2)),
                (any(i(1)), i(3)),
                (any(s("a")), i(4)),
            ],
        )],
    );
    c.l("map/empty", vec![map("map[string]int", vec![])]);
    c.f(
        "map/sharpv",
        "%#v|%#v|%#v",
        vec![
            map("map[string]int", vec![(s("b"), i(2)), (s("a"), i(1))]),
            nil_map("map[string]int"),
            map("map[main.K]bool", vec![(k(1, 2), b(true))]),
        ],
    );
    c.f(
        "map/verbs",
        "%x %d %q",
        vec![
            map("map[string]int", vec![(s("k"), i(255))]),
            map("map[int]int", vec![(i(2), i(20)), (i(1), i(10))]),
            map("map[string]string", vec![(s("a"), s("b"))]),
        ],
    );
    c.f(
        "map/ptr",
        "%v %+v",
        vec![
            ptr_to(
                "*map[string]int",
                map("map[string]int", vec![(s("a"), i(1))]),
            ),
            ptr_to(
                "*map[string]main.Point",
                map("map[string]main.Point", vec![(s("p"), point(1, 2))]),
            ),
        ],
    );
    c.l(
        "map/uint",
        vec![
            map(
                "map[uint8]string",
                vec![(ut(200, "uint8"), s("b")), (ut(3, "uint8"), s("a"))],
            ),
            map(
                "map[int8]bool",
                vec![(it(-1, "int8"), b(true)), (it(1, "int8"), b(false))],
            ),
        ],
    );
    c.l(
        "map/stringer",
        vec![map(
            "map[main.Color]int",
            vec![(color(2), i(3)), (color(0), i(1))],
        )],
    );
    let a2 = |x: i64, y: i64| Value::array("[2]int", vec![i(x), i(y)]);
    c.l(
        "map/array",
        vec![map(
            "map[[2]int]int",
            vec![(a2(2, 0), i(1)), (a2(1, 5), i(2)), (a2(1, 2), i(3))],
        )],
    );
    c.l(
        "map/nan",
        vec![map(
            "map[float64]int",
            vec![(fl(f64::NAN), i(1)), (fl(-1.0), i(2)), (fl(1.0), i(3))],
        )],
    );
    c.l(
        "map/anymix",
        vec![map(
            "map[interface {}]int",
            vec![
                (any(s("s")), i(1)),
                (any(it(3, "int8")), i(2)),
                (any(i(7)), i(3)),
                (any(ut(1, "uint")), i(4)),
                (any(fl(1.5)), i(5)),
                (any(b(true)), i(6)),
                (nil(), i(7)),
            ],
        )],
    );

    // nil values (007)
    let np = Value::ptr("*main.T", 0, None);
    let nf = Value::Func {
        addr: 0,
        ty: t("func()"),
    };
    let nc = Value::Chan {
        addr: 0,
        ty: t("chan int"),
    };
    c.l(
        "nil/println",
        vec![
            np.clone(),
            nil(),
            err_iface(None),
            nil_slice("[]int", false),
            nil_map("map[string]bool"),
            b(true),
            nc.clone(),
        ],
    );
    c.f(
        "nil/v",
        "%v %v %v %v %v",
        vec![
            np.clone(),
            nil(),
            err_iface(None),
            nil_slice("[]int", false),
            nil_map("map[string]bool"),
        ],
    );
    c.f(
        "nil/verbs",
        "%+v %d %s",
        vec![
            np.clone(),
            nil_slice("[]int", false),
            nil_slice("[]int", false),
        ],
    );
    c.f("nil/width", "[%5v][%-5v]", vec![nil(), nil()]);
    c.f(
        "nil/T",
        "%T %T %T %T",
        vec![
            np.clone(),
            nil(),
            err_iface(None),
            nil_slice("[]int", false),
        ],
    );
    c.l(
        "nil/ptrslice",
        vec![Value::slice("[]*main.T", vec![np.clone(), np.clone()])],
    );
    c.f(
        "nil/fields",
        "%v %+v",
        vec![
            struct_anon(
                "struct { P *main.T; E error }",
                vec![("P", np.clone()), ("E", err_iface(None))],
            ),
            struct_anon("struct { I interface {} }", vec![("I", nil())]),
        ],
    );
    c.f(
        "nil/sharpv",
        "%#v|%#v|%#v|%#v|%#v",
        vec![
            np.clone(),
            nf.clone(),
            nc.clone(),
            struct_anon("struct { E error }", vec![("E", err_iface(None))]),
            Value::slice("[]error", vec![err_iface(None)]),
        ],
    );
    c.f(
        "nil/d",
        "%d %x %p %s %d",
        vec![np.clone(), np.clone(), np.clone(), np.clone(), nil()],
    );
    c.f(
        "nil/func",
        "%v %p %T",
        vec![nf.clone(), nf.clone(), nf.clone()],
    );
    c.f("nil/iface", "%s %d %t %p %x", vec![nil(); 5]);

    // errors (008)
    c.l("err/wrapped", vec![wrap_error("find \"a\": not found")]);
    c.f("err/codeerr", "%v | %s | %T", vec![code_error(); 3]);
    c.l("err/outer", vec![wrap_error("outer: code 404: no x")]);
    c.l(
        "err/join",
        vec![Value::error(
            "first\nsecond",
            ptr_to(
                "*errors.joinError",
                Value::strukt("errors.joinError", vec![]),
            ),
        )],
    );
    c.f("err/verbs", "%q %x %d %+v %10v|", vec![code_error(); 5]);
    c.f("err/new", "%v %d %+v", vec![errors_new("plain"); 3]);
    c.f(
        "err/T",
        "%T %T",
        vec![errors_new("x"), wrap_error("find \"a\": not found")],
    );
    c.l(
        "err/inslice",
        vec![Value::slice(
            "[]error",
            vec![
                err_iface(Some(errors_new("a"))),
                err_iface(None),
                err_iface(Some(code_error())),
            ],
        )],
    );
    c.f(
        "err/infield",
        "%v %+v",
        vec![
            wrap("", None, None, Some(errors_new("boom"))),
            struct_anon(
                "struct { E error }",
                vec![("E", err_iface(Some(code_error())))],
            ),
        ],
    );
    c.f("err/sharpv", "%#v", vec![code_error()]);
    c.f("err/sprintfw", "%w", vec![errors_new("w")]);
    c.f("err/wnonerr", "%w", vec![i(5)]);

    // Stringer (009)
    c.l(
        "stringer/println",
        vec![color(0), color(1), color(2), color(9)],
    );
    c.f("stringer/verbs", "%v %s %d %q %x %X", vec![color(1); 6]);
    c.l(
        "stringer/slice",
        vec![Value::slice("[]main.Color", vec![color(2), color(0)])],
    );
    let bx = |n: i64, nm: &str| Value::strukt("main.Box", vec![("C", color(n)), ("Name", s(nm))]);
    c.l("stringer/field", vec![bx(1, "b")]);
    c.f("stringer/fieldplus", "%+v", vec![bx(2, "c")]);
    let v5 = Value::strukt("main.PtrStr", vec![("N", i(5))]);
    c.l("stringer/ptrrecv", vec![v5.clone(), ptrstr(5)]);
    c.f(
        "stringer/ptrverbs",
        "%v %+v %s %d",
        vec![v5.clone(), v5.clone(), ptrstr(5), ptrstr(5)],
    );
    c.f(
        "stringer/width",
        "%5v|%-7v|%.2s|%7q|",
        vec![color(0), color(1), color(1), color(0)],
    );
    c.f("stringer/sharpv", "%#v %#v", vec![color(1), bx(0, "x")]);
    c.f("stringer/bad", "%t %c", vec![color(1), color(65)]);
    c.f("stringer/extra", "%d", vec![i(1), color(0), color(3)]);
    c.l(
        "stringer/ptrslice",
        vec![Value::slice("[]*main.PtrStr", vec![ptrstr(1), ptrstr(2)])],
    );
    c.p(
        "stringer/sprint",
        vec![color(0), color(1), s("x"), color(0)],
    );

    // %T (010)
    c.f(
        "T/basic",
        "%T %T %T %T %T",
        vec![i(1), fl(1.5), s("s"), r('r'), b(true)],
    );
    c.f(
        "T/sized",
        "%T %T %T %T",
        vec![
            it(1, "int8"),
            ut(2, "uint16"),
            ut(3, "uint8"),
            ut(4, "uintptr"),
        ],
    );
    c.f(
        "T/named",
        "%T %T %T",
        vec![
            it(1, "main.MyInt"),
            point(0, 0),
            ptr_to("*main.Point", point(0, 0)),
        ],
    );
    c.f(
        "T/composite",
        "%T %T %T",
        vec![
            ints("[]int", &[]),
            Value::array("[3]string", vec![s(""), s(""), s("")]),
            map("map[string][]bool", vec![]),
        ],
    );
    c.f("T/width", "[%10T][%-6T]", vec![i(1), s("s")]);
    c.f(
        "T/anon",
        "%T %T",
        vec![
            struct_anon("struct { X int }", vec![("X", i(0))]),
            Value::slice("[]interface {}", vec![any(i(1))]),
        ],
    );

    // quoting (011)
    let qs = [
        "plain",
        "with space",
        "tab\t",
        "newline\n",
        "quote\"",
        "back\\slash",
        "é",
        "世界",
        "\x01",
        "\u{00ff}",
        "emoji 😀",
        "\x07\x08\x0c\r\x0b",
        "\u{200b}\u{00ad}",
        "\u{e0001}",
        "\u{feff}",
        "it's",
        "\x7f\u{0085}",
    ];
    for (k, q) in qs.iter().enumerate() {
        c.f(&format!("quote/s{k}"), "%q %+q %#q", vec![s(q); 3]);
    }
    let rs = [
        'a',
        '\'',
        '\n',
        'é',
        '世',
        '\0',
        '"',
        '\\',
        '\x7f',
        '\u{2028}',
        '\u{1F600}',
        '\u{FFFD}',
    ];
    for (k, ch) in rs.iter().enumerate() {
        c.f(
            &format!("quote/r{k}"),
            "%q %c %d %U %+q %#q",
            vec![r(*ch); 6],
        );
    }
    c.f("quote/width", "%10q|%-10q|", vec![s("x"), s("y")]);

    // widths (012)
    c.f(
        "width/star",
        "[%*d] [%-*d] [%*d] [%.*f] [%*.*f]",
        vec![
            i(6),
            i(42),
            i(6),
            i(42),
            i(-4),
            i(7),
            i(2),
            fl(3.14159),
            i(8),
            i(3),
            fl(2.5),
        ],
    );
    c.f(
        "width/floats",
        "[%6.2f] [%-8.3f] [%08.2f] [%+8.2f]",
        vec![fl(3.14159), fl(2.71828), fl(-1.5), fl(1.5)],
    );
    c.f(
        "width/ints",
        "[%3d] [%3d] [%03d]",
        vec![i(12345), i(-1), i(-1)],
    );
    c.f(
        "width/bools",
        "[%6t] [%-6t] [%06t]",
        vec![b(true), b(false), b(true)],
    );
    c.f(
        "width/chars",
        "[%4c] [%-4c] [%04c]",
        vec![r('x'), r('y'), r('z')],
    );
    c.f("width/hex", "[%8x] [%-8X] [%08x]", vec![i(3054); 3]);
    c.f("width/percent", "%%d literal %d%% %5% %-5%|", vec![i(50)]);
    c.f(
        "width/badstar",
        "%*d|%.*d|%*d",
        vec![s("x"), i(5), s("y"), i(6), i(10000000), i(7)],
    );
    c.f(
        "width/index",
        "%[2]d %[1]d %d %[3]*.[2]*[1]f",
        vec![fl(1.0), i(2), i(8)],
    );
    c.f("width/badindex", "%[5]d %[0]d %[x]d %[1]", vec![i(1)]);
    c.f("width/indexnoextra", "%[1]d", vec![i(1), i(2)]);
    c.f("width/huge", "%.2f|%10.4s|", vec![fl(1.0), s("abcdefgh")]);

    // Print/Println spacing (013)
    c.l("print/ln", vec![s("a"), s("b"), i(1), i(2), s("c")]);
    c.p(
        "print/strs",
        vec![s("a"), s("b"), i(1), i(2), s("c"), s("\n")],
    );
    c.p("print/ints", vec![i(1), i(2), i(3)]);
    c.p(
        "print/mixed",
        vec![s("x"), i(1), s("y"), fl(2.5), b(true), b(false)],
    );
    c.p("print/sandwich", vec![i(1), s("s"), i(2)]);
    c.p("print/nils", vec![nil(), nil()]);
    c.p(
        "print/slices",
        vec![ints("[]int", &[1]), ints("[]int", &[2])],
    );
    c.p("print/names", vec![name("a"), name("b"), i(1)]);
    c.l("print/empty", vec![]);
    c.l("print/emptystr", vec![s("")]);
    c.p("print/none", vec![]);
    c.p("print/one", vec![nil()]);
    c.p("print/runes", vec![r('a'), r('b')]);
    c.p("print/errs", vec![errors_new("e1"), errors_new("e2")]);

    // bool and char (014)
    c.l("bool/println", vec![b(true), b(false)]);
    c.f("bool/verbs", "%t %v %5t|", vec![b(true), b(false), b(true)]);
    c.f("bool/bad", "%d %t %s", vec![b(true), i(5), b(false)]);
    c.f(
        "bool/sharpv",
        "%#v %#v",
        vec![b(true), Value::slice("[]bool", vec![b(false)])],
    );
    c.l(
        "char/println",
        vec![r('G'), ut(103, "uint8"), s("G"), s("g")],
    );
    c.f(
        "char/verbs",
        "%c %c %v %v %q %q",
        vec![
            r('G'),
            ut(103, "uint8"),
            r('G'),
            ut(103, "uint8"),
            r('G'),
            ut(103, "uint8"),
        ],
    );

    // bad verbs (015)
    c.f("bad/d_str", "%d", vec![s("str")]);
    c.f("bad/s_int", "%s", vec![i(42)]);
    c.f("bad/missing", "%d %d", vec![i(1)]);
    c.f("bad/extra", "%d", vec![i(1), i(2)]);
    c.f("bad/z", "%z", vec![i(3)]);
    c.f("bad/noverbs", "no verbs", vec![s("extra"), i(7)]);
    c.f("bad/bang", "%!", vec![]);
    c.f("bad/x_float", "%x", vec![fl(2.5)]);
    c.f("bad/nil_s", "%s", vec![nil()]);
    c.f("bad/nil_d", "%d", vec![nil()]);
    c.f("bad/trailing", "trailing %", vec![]);
    c.f("bad/compose", "%d-%s", vec![i(5)]);
    c.f("bad/width", "%5z|%-5t|", vec![i(3), color(2)]);
    c.f(
        "bad/extranil",
        "x",
        vec![nil(), i(1), s("s"), ints("[]int", &[1])],
    );
    c.f("bad/unicode", "%é %☺", vec![i(1)]);
    c.f("bad/flagsonly", "%-+ #0", vec![]);
    c.f(
        "bad/ptr",
        "%s %t",
        vec![ptr_to("*main.Point", point(1, 2)), fake_int(ADDR1)],
    );
    c.f(
        "bad/nested",
        "%s",
        vec![Value::slice(
            "[]*main.Point",
            vec![ptr_to("*main.Point", point(1, 2))],
        )],
    );

    // interfaces (016)
    let ivals = vec![
        i(42),
        s("str"),
        fl(3.5),
        point(1, 2),
        ptr_to("*main.T", Value::strukt("main.T", vec![("A", i(9))])),
        ints("[]int", &[1]),
        map("map[string]int", vec![(s("a"), i(1))]),
        nil(),
        b(true),
        r('c'),
        ut(1, "uint8"),
    ];
    for (k, v) in ivals.into_iter().enumerate() {
        c.f(&format!("iface/{k}"), "%v (%T)", vec![v.clone(), v]);
    }
    c.f(
        "iface/field",
        "%v %+v",
        vec![
            struct_anon("struct { A interface {} }", vec![("A", any(point(1, 2)))]),
            struct_anon(
                "struct { A interface {} }",
                vec![("A", any(fake_point(ADDR2)))],
            ),
        ],
    );
    c.f(
        "iface/shape",
        "%v",
        vec![Value::slice(
            "[]fmt.Stringer",
            vec![
                Value::iface("fmt.Stringer", Some(color(1))),
                Value::iface("fmt.Stringer", None),
            ],
        )],
    );
    c.f(
        "iface/sharpv",
        "%#v",
        vec![Value::slice(
            "[]interface {}",
            vec![
                any(it(1, "main.MyInt")),
                any(s("s")),
                any(fl(1.5)),
                any(point(1, 2)),
                any(fake_point(ADDR1)),
            ],
        )],
    );

    // pointers at depth > 0 (fake addresses)
    c.f(
        "ptr/nested",
        "%v %+v %v",
        vec![
            Value::slice("[]*main.Point", vec![fake_point(ADDR1), fake_point(0)]),
            struct_anon("struct { P *main.Point }", vec![("P", fake_point(ADDR2))]),
            map("map[string]*main.Point", vec![(s("a"), fake_point(ADDR1))]),
        ],
    );
    c.f(
        "ptr/sharpv",
        "%#v %#v",
        vec![
            Value::slice("[]*main.Point", vec![fake_point(ADDR1)]),
            struct_anon("struct { P *main.Point }", vec![("P", fake_point(ADDR2))]),
        ],
    );
    c.f(
        "ptr/verbs",
        "%p %#p %x %X %d %o %b",
        vec![
            fake_point(ADDR1),
            fake_point(ADDR1),
            fake_int(ADDR1),
            fake_int(ADDR1),
            fake_int(ADDR2),
            fake_int(ADDR2),
            fake_int(0x10),
        ],
    );
    c.f(
        "ptr/width",
        "[%20p] [%-14v] [%020p]",
        vec![
            fake_point(ADDR1),
            Value::slice("[]*main.Point", vec![fake_point(ADDR1)]),
            fake_point(ADDR1),
        ],
    );
    let up = |a: u64| Value::ptr("unsafe.Pointer", a, None);
    c.f(
        "ptr/unsafe",
        "%v %p %#v",
        vec![up(ADDR1), up(ADDR2), up(ADDR1)],
    );
    let ch = |a: u64| Value::Chan {
        addr: a,
        ty: t("chan int"),
    };
    c.f(
        "ptr/chan",
        "%v %p %d %#v %T",
        vec![ch(ADDR1), ch(ADDR2), ch(ADDR1), ch(ADDR2), ch(ADDR1)],
    );
    let fm = |a: u64| Value::Map {
        ty: t("map[string]int"),
        addr: a,
        entries: vec![],
        nil: false,
    };
    c.f("ptr/map", "%p %#p", vec![fm(ADDR1), fm(ADDR2)]);
    c.f("ptr/intptr", "%v %d", vec![fake_int(ADDR1), fake_int(0)]);
    c.f(
        "ptr/ptrptr",
        "%v",
        vec![Value::ptr("**main.Point", ADDR2, None)],
    );
    c.f("ptr/bad", "%p %p %s", vec![i(5), s("s"), ch(ADDR1)]);
    c.f(
        "ptr/deep",
        "%v",
        vec![ptr_to(
            "*struct { P *main.Point }",
            struct_anon("struct { P *main.Point }", vec![("P", fake_point(ADDR1))]),
        )],
    );

    // composition (017)
    c.f("compose/v", "%v|%v", vec![i(1), s("a")]);
    c.f("compose/pad", "<%02d>,<%02d>", vec![i(0), i(7)]);
    let mut joined = sprint_bytes(&[]);
    joined.extend_from_slice(b"|");
    joined.extend(sprint_bytes(&[nil()]));
    joined.extend_from_slice(b"|");
    joined.extend(sprint_bytes(&[s("a"), s("b")]));
    c.out("compose/sprint", &joined);
    c.0
}

/// Listed differences: `- CASE_ID: reason` lines.
fn listed() -> BTreeSet<String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gofmt/DIFFERENCES.md");
    let text = std::fs::read_to_string(p).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.strip_prefix("- "))
        .filter_map(|l| l.split_once(':').map(|(id, _)| id.trim().to_string()))
        .collect()
}

#[test]
fn gofmt_matches_go() {
    let golden_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gofmt/golden.txt");
    let golden =
        std::fs::read_to_string(golden_path).expect("golden.txt (scripts/golden-gofmt.sh)");
    let want: Vec<(String, String)> = golden
        .lines()
        .map(|l| {
            let (id, q) = l.split_once('\t').expect("CASE_ID<TAB>output");
            (id.to_string(), q.to_string())
        })
        .collect();
    let got = build();
    let got_ids: Vec<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
    let want_ids: Vec<&str> = want.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        got_ids, want_ids,
        "the Rust table must mirror main.go case by case"
    );
    let got: BTreeMap<&str, String> = got
        .iter()
        .map(|(id, out)| (id.as_str(), go_quote(out)))
        .collect();
    let mut failing = BTreeSet::new();
    let mut report = String::new();
    for (id, q) in &want {
        let g = &got[id.as_str()];
        if g != q {
            failing.insert(id.clone());
            report.push_str(&format!("{id}\n  go:    {q}\n  gomem: {g}\n"));
        }
    }
    println!(
        "gofmt goldens: {}/{} cases agree ({:.1}%)",
        want.len() - failing.len(),
        want.len(),
        100.0 * (want.len() - failing.len()) as f64 / want.len() as f64
    );
    let known = listed();
    let unlisted: Vec<_> = failing.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&failing).collect();
    assert!(
        unlisted.is_empty(),
        "{} cases differ from real Go without a reason in DIFFERENCES.md: {unlisted:?}\n{report}",
        unlisted.len()
    );
    assert!(
        fixed.is_empty(),
        "cases listed in DIFFERENCES.md now agree with real Go; remove them: {fixed:?}"
    );
}
