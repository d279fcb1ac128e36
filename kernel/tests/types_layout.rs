//! Sizes, alignments, pointer facts and type formatting of the type table, checked against
//! values printed by the real Go 1.27.3 toolchain on linux/amd64 (`unsafe.Sizeof`,
//! `unsafe.Alignof`, `unsafe.Offsetof`, and `go build -gcflags=-m` for the spellings).

use gomem::types::*;

fn field(t: TypeId, name: &str) -> StructField {
    StructField {
        name: name.into(),
        ty: t,
        embedded: false,
        offset: 0,
    }
}

fn strukt(tt: &mut TypeTable, fs: &[(&str, TypeId)]) -> TypeId {
    tt.intern(Type::Struct(fs.iter().map(|(n, t)| field(*t, n)).collect()))
}

#[test]
fn sizes_and_alignments_match_go() {
    let mut tt = TypeTable::new();
    let empty = strukt(&mut tt, &[]);
    let arr3i16 = tt.intern(Type::Array {
        len: 3,
        elem: INT16,
    });
    let arr0 = tt.intern(Type::Array { len: 0, elem: INT });
    let sl = tt.slice(INT);
    let m = tt.intern(Type::Map {
        key: INT,
        value: INT,
    });
    let f = tt.intern(Type::Func(Signature {
        recv: None,
        params: vec![],
        results: vec![],
        variadic: false,
    }));
    let a = strukt(&mut tt, &[("a", BOOL), ("b", INT64), ("c", BOOL)]);
    let b = strukt(&mut tt, &[("a", INT32), ("b", empty)]);
    let c = strukt(&mut tt, &[("a", empty), ("b", INT32)]);
    let d = strukt(&mut tt, &[("a", BYTE), ("b", arr3i16), ("c", STRING)]);
    let e = strukt(
        &mut tt,
        &[
            ("x", sl),
            ("y", ANY),
            ("z", m),
            ("f", f),
            ("c", COMPLEX128),
            ("d", COMPLEX64),
            ("u", FLOAT32),
        ],
    );
    let g = strukt(&mut tt, &[("a", INT), ("b", arr0)]);
    // (type, size, align) as printed by unsafe.Sizeof / unsafe.Alignof.
    let cases = [
        (a, 24, 8),
        (b, 8, 4),
        (c, 4, 4),
        (d, 24, 8),
        (e, 88, 8),
        (empty, 0, 1),
        (arr0, 0, 8),
        (g, 16, 8),
        (STRING, 16, 8),
        (sl, 24, 8),
        (ANY, 16, 8),
        (ERROR, 16, 8),
        (m, 8, 8),
        (f, 8, 8),
        (COMPLEX64, 8, 4),
        (INT16, 2, 2),
    ];
    for (t, size, align) in cases {
        assert_eq!(
            (tt.size_of(t), tt.align_of(t)),
            (size, align),
            "{}",
            tt.type_string(t)
        );
    }
    let Type::Struct(fs) = tt.get(d).clone() else {
        panic!()
    };
    assert_eq!(fs[2].offset, 8);
    let Type::Struct(fs) = tt.get(e).clone() else {
        panic!()
    };
    assert_eq!((fs[5].offset, fs[6].offset), (72, 80));
}

#[test]
fn pointer_facts() {
    let mut tt = TypeTable::new();
    let p = tt.pointer(INT);
    let one_ptr = strukt(&mut tt, &[("p", p)]);
    let two = strukt(&mut tt, &[("p", p), ("q", p)]);
    let arr1 = tt.intern(Type::Array { len: 1, elem: p });
    let ints = strukt(&mut tt, &[("a", INT)]);
    assert!(tt.is_pointer_shaped(p) && tt.is_pointer_shaped(one_ptr) && tt.is_pointer_shaped(arr1));
    assert!(
        !tt.is_pointer_shaped(two) && !tt.is_pointer_shaped(STRING) && !tt.is_pointer_shaped(INT)
    );
    assert!(tt.has_pointers(STRING) && tt.has_pointers(two) && !tt.has_pointers(ints));
    assert!(tt.is_interface(ANY) && tt.is_interface(ERROR) && !tt.is_interface(p));
}

#[test]
fn identity_ignores_alias_spelling() {
    let mut tt = TypeTable::new();
    let bytes = tt.slice(BYTE);
    let uint8s = tt.slice(UINT8);
    assert_ne!(bytes, uint8s);
    assert!(tt.identical(bytes, uint8s));
    assert!(tt.identical(ANY, EMPTY_INTERFACE));
    assert!(tt.assignable(bytes, uint8s));
    assert!(tt.convertible(STRING, bytes));
    let named = tt.new_named("T", "main");
    tt.set_underlying(named, INT);
    assert!(!tt.identical(named, INT) && tt.convertible(named, INT) && !tt.assignable(named, INT));
}

#[test]
fn type_strings_match_the_compiler() {
    let mut tt = TypeTable::new();
    let empty = strukt(&mut tt, &[]);
    let ab = strukt(&mut tt, &[("a", INT), ("b", STRING)]);
    let f = tt.intern(Type::Func(Signature {
        recv: None,
        params: vec![INT, STRING],
        results: vec![INT, ERROR],
        variadic: false,
    }));
    let fi = tt.intern(Type::Func(Signature {
        recv: None,
        params: vec![],
        results: vec![INT],
        variadic: false,
    }));
    let ints = tt.slice(INT);
    let fv = tt.intern(Type::Func(Signature {
        recv: None,
        params: vec![ints],
        results: vec![],
        variadic: true,
    }));
    let m = tt.intern(Type::Map {
        key: INT,
        value: INT,
    });
    let send = tt.intern(Type::Chan {
        dir: ChanDir::Send,
        elem: INT,
    });
    let recv = tt.intern(Type::Chan {
        dir: ChanDir::Recv,
        elem: INT,
    });
    let chrecv = tt.intern(Type::Chan {
        dir: ChanDir::Both,
        elem: recv,
    });
    let arr = tt.intern(Type::Array { len: 4, elem: INT });
    let t = tt.new_named("T", "main");
    tt.set_underlying(t, ab);
    let pt = tt.pointer(t);
    let msig = tt.intern(Type::Func(Signature {
        recv: None,
        params: vec![],
        results: vec![],
        variadic: false,
    }));
    let iface = tt.intern(Type::Interface(vec![IfaceMethod {
        name: "M".into(),
        sig: msig,
    }]));
    let stringer = tt.new_named("Stringer", "fmt");
    let gcs = tt.new_named("GCStats", "runtime/debug");
    let cases: Vec<(TypeId, &str, &str)> = vec![
        (empty, "struct {}", "struct{}"),
        (ab, "struct { a int; b string }", "struct{a int; b string}"),
        (
            f,
            "func(int, string) (int, error)",
            "func(int, string) (int, error)",
        ),
        (fi, "func() int", "func() int"),
        (fv, "func(...int)", "func(...int)"),
        (m, "map[int]int", "map[int]int"),
        (send, "chan<- int", "chan<- int"),
        (recv, "<-chan int", "<-chan int"),
        (chrecv, "chan (<-chan int)", "chan (<-chan int)"),
        (arr, "[4]int", "[4]int"),
        (pt, "*T", "*T"),
        (ANY, "any", "any"),
        (EMPTY_INTERFACE, "interface {}", "interface{}"),
        (iface, "interface { M() }", "interface{M()}"),
        (stringer, "fmt.Stringer", "fmt.Stringer"),
        (gcs, "debug.GCStats", "debug.GCStats"),
        (BYTE, "byte", "byte"),
        (UINT8, "uint8", "uint8"),
        (RUNE, "rune", "rune"),
        (ERROR, "error", "error"),
        (UNTYPED_INT, "untyped int", "untyped int"),
    ];
    for (t, compiler, checker) in cases {
        assert_eq!(tt.type_string(t), compiler);
        assert_eq!(tt.type_string_checker(t), checker);
    }
}
