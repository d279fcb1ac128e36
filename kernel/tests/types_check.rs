//! Checker tests: snapshots of what every name denotes, the type-error goldens produced by
//! the real Go toolchain, and the escape-analysis corpus (every program must check cleanly).

use std::fmt::Write as _;
use std::path::Path;

use expect_test::expect;
use gomem::syntax::parse_file;
use gomem::types::{check_program, ObjKind, Program};

fn check(src: &str) -> Result<Program, String> {
    let f = parse_file("./x.go", src).map_err(|d| d.to_string())?;
    check_program(f).map_err(|d| d.to_string())
}

/// One line per object of the user's file: position, name, kind, type.
fn dump(p: &Program) -> String {
    let mut out = String::new();
    let t = &p.table;
    let mut objs: Vec<_> = t
        .objects
        .iter()
        .filter(|o| o.pkg == "main" && o.pos.line > 0)
        .collect();
    objs.sort_by_key(|o| o.pos);
    for o in objs {
        let kind = match &o.kind {
            ObjKind::Var(k) => format!("var({k:?})"),
            ObjKind::Const(v) => format!("const({v:?})"),
            ObjKind::TypeName => "type".into(),
            ObjKind::Func(f) => format!("func {}", t.funcs[*f as usize].name),
            ObjKind::Package(p) => format!("package {p}"),
            ObjKind::Builtin(b) => format!("builtin {b:?}"),
            ObjKind::Nil => "nil".into(),
        };
        let owner = o
            .func
            .map(|f| t.funcs[f as usize].name.clone())
            .unwrap_or_default();
        writeln!(
            out,
            "{} {} {} : {} [{}]",
            o.pos,
            o.name,
            kind,
            t.type_string(o.ty),
            owner
        )
        .unwrap();
    }
    for f in t.funcs.iter().filter(|f| f.pkg == "main") {
        let names = |v: &[u32]| {
            v.iter()
                .map(|&o| t.objects[o as usize].name.clone())
                .collect::<Vec<_>>()
                .join(",")
        };
        writeln!(
            out,
            "func {} sig={} params=[{}] results=[{}] locals=[{}] captures=[{}]",
            f.name,
            t.type_string(f.sig),
            names(&f.params),
            names(&f.results),
            names(&f.locals),
            names(&f.captures)
        )
        .unwrap();
    }
    out
}

#[test]
fn objects_of_a_program() {
    let p = check(
        r#"package main

import "fmt"

type T struct {
	a int
	b string
}

func (t *T) Get() int { return t.a }

func (t T) String() string { return t.b }

const (
	A = iota * 10
	B
)

func counter() func() int {
	n := 0
	return func() int {
		n++
		f := func() int { return n }
		return f()
	}
}

func main() {
	x := 1
	var s fmt.Stringer = T{a: x}
	t := &T{}
	fmt.Println(s, t.Get(), B, counter()())
	var i any = x
	switch v := i.(type) {
	case int:
		_ = v + 1
	case string, bool:
		_ = v
	}
	for k, v := range []string{"a"} {
		_, _ = k, v
	}
}
"#,
    )
    .unwrap();
    expect![[r#"
        5:6 T type : T []
        10:7 t var(Param) : *T [(*T).Get]
        12:7 t var(Param) : T [T.String]
        15:2 A const(Int(0)) : untyped int []
        16:2 B const(Int(10)) : untyped int []
        19:6 counter func counter : func() func() int []
        20:2 n var(Local) : int [counter]
        23:3 f var(Local) : func() int [counter.func1]
        28:6 main func main : func() []
        29:2 x var(Local) : int [main]
        30:6 s var(Local) : fmt.Stringer [main]
        31:2 t var(Local) : *T [main]
        33:6 i var(Local) : any [main]
        34:9 v var(TypeSwitchBind) : int [main]
        34:9 v var(TypeSwitchBind) : any [main]
        40:6 k var(Local) : int [main]
        40:9 v var(Local) : string [main]
        func (*T).Get sig=func() int params=[] results=[~r0] locals=[] captures=[]
        func T.String sig=func() string params=[] results=[~r0] locals=[] captures=[]
        func counter sig=func() func() int params=[] results=[~r0] locals=[n] captures=[]
        func main sig=func() params=[] results=[] locals=[x,s,t,i,v,v,k,v] captures=[]
        func counter.func1 sig=func() int params=[] results=[~r0] locals=[f] captures=[n]
        func counter.func1.1 sig=func() int params=[] results=[~r0] locals=[] captures=[n]
    "#]]
    .assert_eq(&dump(&p));
}

/// Valid comparisons with `nil` and comma-ok forms (the errors are in `tests/type_errors`):
/// a slice, map or func compares with the literal `nil` wherever the comparison appears, and the
/// untyped-bool `ok` goes into `bool` or named boolean variables, new or existing.
#[test]
fn nil_comparisons_and_comma_ok() {
    let p = check(
        r#"package main

import "fmt"

type B bool

func main() {
	var s []int
	var m map[string]int
	var f func()
	fmt.Println(s == nil, nil != m, f == nil, []byte("") != nil)
	if s != nil || m == nil {
		return
	}
	v, ok := m["a"]
	v, ok = m["b"]
	var named B
	_, named = m["c"]
	var i any = v
	_, named = i.(int)
	var w, ok2 = m["d"]
	var _, ok3 any = m["e"]
	fmt.Println(v, ok, named, w, ok2, ok3)
}
"#,
    )
    .unwrap();
    let d = dump(&p);
    let vars: Vec<&str> = d.lines().filter(|l| l.contains(" ok")).collect();
    expect![[r#"
        [
            "15:5 ok var(Local) : bool [main]",
            "21:9 ok2 var(Local) : bool [main]",
            "22:9 ok3 var(Local) : any [main]",
        ]
    "#]]
    .assert_debug_eq(&vars);
}

/// Constants are exact: string constants are bytes (invalid UTF-8 included), a byte escape
/// in a rune literal is the byte's value, and untyped float arithmetic is rational, rounded
/// only when a constant gets a float type.
#[test]
fn exact_constant_values() {
    let p = check(
        r#"package main

const bad = "a\xffb\377"
const r = '\xff'
const sum = 0.1 + 0.2 == 0.3
const typed float64 = 0.1
const typedSum = typed+0.2 == 0.3
const third = 1.0 / 3 * 3
const hex = 0x1.8p1

func main() {}
"#,
    )
    .unwrap();
    let consts: Vec<String> = dump(&p)
        .lines()
        .filter(|l| l.contains(" const("))
        .map(|l| l.split(" : ").next().unwrap_or("").to_string())
        .collect();
    expect![[r#"
        [
            "3:7 bad const(String([97, 255, 98, 255]))",
            "4:7 r const(Int(255))",
            "5:7 sum const(Bool(true))",
            "6:7 typed const(Float(Real(Ratio { numer: 3602879701896397, denom: 36028797018963968 })))",
            "7:7 typedSum const(Bool(false))",
            "8:7 third const(Float(Real(Ratio { numer: 1, denom: 1 })))",
            "9:7 hex const(Float(Real(Ratio { numer: 3, denom: 1 })))",
        ]
    "#]]
    .assert_debug_eq(&consts);
}

/// Files listed in `KNOWN_DIFFERENCES.md` as `- name.go: reason`.
fn known_differences(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("KNOWN_DIFFERENCES.md")).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.strip_prefix("- `"))
        .filter_map(|l| l.split('`').next())
        .map(String::from)
        .collect()
}

fn go_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "go"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// gomem's errors for a file, in the go command's format (empty when it checks cleanly).
fn errors_of(name: &str, src: &str) -> String {
    let f = match parse_file(name, src) {
        Ok(f) => f,
        Err(d) => return d.to_string(),
    };
    match check_program(f) {
        Ok(_) => String::new(),
        Err(d) => d.to_string(),
    }
}

#[test]
fn type_error_goldens() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/type_errors");
    let known = known_differences(&dir);
    let (mut agree, mut total, mut failures) = (0, 0, Vec::new());
    for path in go_files(&dir) {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(&path).unwrap();
        let golden = std::fs::read_to_string(path.with_extension("golden")).unwrap_or_default();
        let got = errors_of(&format!("./{file}"), &src);
        total += 1;
        if got.trim_end() == golden.trim_end() {
            agree += 1;
        } else if !known.contains(&file) {
            failures.push(format!("{file}:\n--- go\n{golden}--- gomem\n{got}\n"));
        }
    }
    println!("type-error goldens: {agree}/{total} identical to go build");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn escape_corpus_checks_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/escape/corpus");
    let files = go_files(&dir);
    let mut failures = Vec::new();
    for path in &files {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(path).unwrap();
        let got = errors_of(&format!("./{file}"), &src);
        if !got.is_empty() {
            failures.push(format!("{file}: {got}"));
        }
    }
    println!(
        "escape corpus: {}/{} programs check cleanly",
        files.len() - failures.len(),
        files.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn prelude_pragmas_and_extern_tags() {
    let p = check(
        r#"package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	var b strings.Builder
	b.WriteString("x")
	var mu sync.Mutex
	mu.Lock()
	fmt.Println(b.String())
}
"#,
    )
    .unwrap();
    let t = &p.table;
    let mut out = String::new();
    for f in t.funcs.iter().filter(|f| f.pkg != "main") {
        let id = t.funcs.iter().position(|g| std::ptr::eq(g, f)).unwrap() as u32;
        if f.extern_tags.is_some() || t.is_inline_marked(id) {
            writeln!(
                out,
                "{} inline={} tags={:?}",
                f.name,
                t.is_inline_marked(id),
                f.extern_tags
            )
            .unwrap();
        }
    }
    expect![[r#"
        errors.New inline=true tags=None
        errors.Is inline=false tags=Some(["heap", "heap"])
        errors.As inline=false tags=Some(["heap", "heap"])
        errors.Unwrap inline=true tags=None
        errors.unwrap inline=false tags=Some(["heap"])
        errors.unsafeString inline=false tags=Some(["result0:0"])
        os.NewFile inline=false tags=Some(["none", "heap"])
        os.(*File).Write inline=false tags=Some(["content", "none"])
        os.(*File).writeString inline=false tags=Some(["content", "none"])
        os.(*File).WriteString inline=true tags=None
        os.Exit inline=false tags=Some(["none"])
        fmt.Fprintln inline=false tags=Some(["heap", "content"])
        fmt.Fprintf inline=false tags=Some(["heap", "none", "content"])
        fmt.Fprint inline=false tags=Some(["heap", "content"])
        fmt.Println inline=true tags=None
        fmt.Printf inline=true tags=None
        fmt.Print inline=true tags=None
        fmt.Sprintf inline=false tags=Some(["none", "content"])
        fmt.Sprint inline=false tags=Some(["content"])
        fmt.Sprintln inline=false tags=Some(["content"])
        fmt.errorf inline=false tags=Some(["heap", "content"])
        fmt.Errorf inline=true tags=None
        strings.(*Builder).WriteString inline=true tags=None
        strings.(*Builder).WriteByte inline=true tags=None
        strings.(*Builder).bytesAsString inline=false tags=Some(["result0:1"])
        strings.(*Builder).String inline=true tags=None
        strings.(*Builder).Len inline=true tags=None
        strings.(*Builder).Grow inline=false tags=Some(["none", "none"])
        strings.(*Builder).Reset inline=false tags=Some(["none"])
        strings.Repeat inline=false tags=Some(["result0:0", "none"])
        strings.Join inline=false tags=Some(["result0:1", "none"])
        strings.genSplit inline=false tags=Some(["heap", "none", "none", "none"])
        strings.Split inline=true tags=None
        strings.Index inline=false tags=Some(["none", "none"])
        strings.Contains inline=true tags=None
        strings.HasPrefix inline=true tags=None
        strings.ToUpper inline=false tags=Some(["result0:0"])
        strings.ToLower inline=false tags=Some(["result0:0"])
        strings.TrimSpace inline=false tags=Some(["result0:0"])
        sync.(*Mutex).lock inline=false tags=Some(["heap"])
        sync.(*Mutex).unlock inline=false tags=Some(["heap"])
        sync.(*Mutex).Lock inline=true tags=None
        sync.(*Mutex).Unlock inline=true tags=None
        sync.(*RWMutex).Lock inline=false tags=Some(["heap"])
        sync.(*RWMutex).Unlock inline=false tags=Some(["heap"])
        sync.(*RWMutex).rlock inline=false tags=Some(["heap"])
        sync.(*RWMutex).runlock inline=false tags=Some(["heap"])
        sync.(*RWMutex).RLock inline=true tags=None
        sync.(*RWMutex).RUnlock inline=true tags=None
        sync.(*WaitGroup).Add inline=false tags=Some(["heap", "none"])
        sync.(*WaitGroup).Done inline=true tags=None
        sync.(*WaitGroup).Wait inline=false tags=Some(["heap"])
        sync.(*WaitGroup).Go inline=false tags=Some(["heap", "heap"])
        sync.(*Once).doSlow inline=false tags=Some(["heap", "none"])
        sync.(*Once).Do inline=true tags=None
        sync.(*Pool).Get inline=false tags=Some(["heap"])
        sync.(*Pool).Put inline=false tags=Some(["heap", "heap"])
    "#]]
    .assert_eq(&out);
}

/// The checker never panics: every corpus program with one line deleted, and a few
/// pathological programs, must produce a result or diagnostics.
#[test]
fn no_panics_on_broken_programs() {
    let mut inputs: Vec<String> = vec![
        "package main\ntype T [2]T\ntype U struct{ t T }\nfunc main() { var u U; _ = u }\n".into(),
        "package main\ntype A struct{ b B }\ntype B struct{ a A }\nfunc main() { var a A; _ = a }\n".into(),
        "package main\ntype A B\ntype B A\nfunc main() {}\n".into(),
        "package main\nvar x = y\nvar y = x\nfunc main() {}\n".into(),
        "package main\nconst c = -9223372036854775807 - 1 - 1\nfunc main() { println(-c, c << 200, c / 0) }\n".into(),
        "package main\nfunc main() { x := [3]int{5: 1}; _ = x[10]; var s string; _ = s[1:2:3] }\n".into(),
        "package main\nimport \"unsafe\"\nfunc main() {}\n".into(),
        "package main\nimport \"net/http\"\nfunc main() {}\n".into(),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/escape/corpus");
    for path in go_files(&dir).iter().step_by(7) {
        let src = std::fs::read_to_string(path).unwrap();
        let lines: Vec<&str> = src.lines().collect();
        for i in 1..lines.len() {
            let mut l = lines.clone();
            l.remove(i);
            inputs.push(l.join("\n"));
        }
    }
    for src in &inputs {
        let r = std::panic::catch_unwind(|| errors_of("./x.go", src));
        assert!(r.is_ok(), "panic on:\n{src}");
    }
}

/// The per-expression facts escape analysis consumes: call kinds, selections, implicit
/// interface conversions and final types of untyped constants, by source position.
fn facts(p: &Program) -> String {
    let file = &p.files[p.user_file];
    let info = &p.infos[p.user_file];
    let t = &p.table;
    let mut lines = Vec::new();
    let mut seen = std::collections::HashSet::new();
    fn all_ids(v: &serde_json::Value, out: &mut Vec<(u32, u32, u32, String)>) {
        if let serde_json::Value::Object(m) = v {
            if let (Some(id), Some(pos), Some(kind)) = (m.get("id"), m.get("pos"), m.get("kind")) {
                let k = match kind {
                    serde_json::Value::Object(km) => km.keys().next().cloned().unwrap_or_default(),
                    serde_json::Value::String(s) => s.clone(),
                    _ => String::new(),
                };
                out.push((
                    pos["line"].as_u64().unwrap_or(0) as u32,
                    pos["col"].as_u64().unwrap_or(0) as u32,
                    id.as_u64().unwrap_or(0) as u32,
                    k,
                ));
            }
            m.values().for_each(|x| all_ids(x, out));
        } else if let serde_json::Value::Array(a) = v {
            a.iter().for_each(|x| all_ids(x, out));
        }
    }
    // Every expression of the file, found through its serialized form: `(line, col, id, kind)`.
    let mut ids = Vec::new();
    all_ids(&serde_json::to_value(&file.decls).unwrap(), &mut ids);
    ids.sort();
    for (line, col, id, kind) in ids {
        if !seen.insert(id) {
            continue;
        }
        let mut parts = Vec::new();
        if let Some(c) = info.calls.get(&id) {
            let c = match c {
                gomem::types::CallKind::Static(f) => {
                    format!("static {}", t.funcs[*f as usize].name)
                }
                gomem::types::CallKind::Method {
                    func,
                    path,
                    recv_addr,
                    recv_deref,
                } => {
                    format!(
                        "method {} path={path:?} addr={recv_addr} deref={recv_deref}",
                        t.funcs[*func as usize].name
                    )
                }
                gomem::types::CallKind::Conversion(ty) => {
                    format!("conversion {}", t.type_string(*ty))
                }
                other => format!("{other:?}"),
            };
            parts.push(format!("call: {c}"));
        }
        if let Some(gomem::types::Selection::Field { path, indirect }) = info.selections.get(&id) {
            parts.push(format!("field path={path:?} indirect={indirect}"));
        }
        if let Some(&i) = info.implicit_iface.get(&id) {
            let ty = info
                .types
                .get(&id)
                .map(|tv| t.type_string(tv.ty))
                .unwrap_or_default();
            parts.push(format!("to-iface {} from {ty}", t.type_string(i)));
        }
        if let Some(&f) = info.func_lits.get(&id) {
            parts.push(format!("closure {}", t.funcs[f as usize].name));
        }
        if kind == "BasicLit" {
            if let Some(tv) = info.types.get(&id) {
                parts.push(format!("lit: {}", t.type_string(tv.ty)));
            }
        }
        if !parts.is_empty() {
            lines.push(format!("{line}:{col} {}", parts.join("; ")));
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn facts_for_escape_analysis() {
    let p = check(
        r#"package main

import (
	"errors"
	"fmt"
)

type Inner struct{ v int }

func (in *Inner) Bump() { in.v++ }

type Outer struct {
	*Inner
	name string
}

func (o Outer) Name() string { return o.name }

var sink any

func main() {
	o := Outer{Inner: &Inner{}, name: "x"}
	o.Bump()
	p := &o
	_ = p.Name()
	fmt.Println(o.v, 1<<3, 2.5, "s")
	var err error = errors.New("e")
	sink = o
	m := map[any]int{1: 2}
	m[o.name]++
	b := []byte("hi")
	f := func() int { return len(b) + o.v }
	_ = f()
	if err == nil {
		panic(err)
	}
}
"#,
    )
    .unwrap();
    expect![[r#"
        10:29 field path=[0] indirect=true
        17:40 field path=[1] indirect=false
        22:36 lit: string
        23:8 call: method (*Inner).Bump path=[0] addr=false deref=false
        25:12 call: method Outer.Name path=[] addr=false deref=true
        26:13 call: static fmt.Println
        26:15 field path=[0, 0] indirect=true; to-iface any from int
        26:19 lit: int
        26:20 to-iface any from int
        26:22 lit: int
        26:25 to-iface any from float64; lit: float64
        26:30 to-iface any from string; lit: string
        27:28 call: static errors.New
        27:29 lit: string
        28:9 to-iface any from Outer
        29:19 to-iface any from int; lit: int
        29:22 lit: int
        30:5 field path=[1] indirect=false; to-iface any from string
        31:13 call: conversion []byte
        31:14 lit: string
        32:7 closure main.func1
        32:30 call: Builtin(Len)
        32:37 field path=[0, 0] indirect=true
        33:7 call: Dynamic
        35:8 call: Builtin(Panic)
    "#]]
    .assert_eq(&facts(&p));
}

/// Prelude types a lesson can measure have Go's sizes (values from `unsafe.Sizeof`).
#[test]
fn prelude_type_sizes_match_go() {
    let p = check(
        r#"package main

import (
	"runtime"
	"strings"
	"sync"
	"time"
)

var (
	a runtime.MemStats
	b sync.Mutex
	c sync.WaitGroup
	d sync.Pool
	e sync.RWMutex
	f sync.Once
	g strings.Builder
	h time.Time
)

func main() {}
"#,
    )
    .unwrap();
    let t = &p.table;
    let sizes: Vec<u64> = ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .map(|n| {
            t.objects
                .iter()
                .find(|o| o.pkg == "main" && o.name == *n)
                .map_or(0, |o| t.size_of(o.ty))
        })
        .collect();
    assert_eq!(sizes, [5776, 8, 16, 40, 24, 12, 32, 24]);
}
