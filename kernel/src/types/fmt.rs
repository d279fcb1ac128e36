//! Printing types the way Go's tools print them.
//!
//! There are two spellings, because Go has two printers:
//!
//! - the compiler's (`cmd/compile/internal/types`), used by `-m` diagnostics such as
//!   `make([]struct {}, 4) escapes to heap`: keywords are followed by a space
//!   (`struct { a int; b string }`, `interface {}`, `interface { M() }`);
//! - the type checker's (`types2`), used by type errors such as
//!   `cannot use x (variable of type struct{a int}) as ...`: no space (`struct{}`, `interface{}`).
//!
//! Both print `any`, `byte` and `rune` as written, leave types of package `main` unqualified and
//! qualify other packages' types by package name (`fmt.Stringer`, `debug.GCStats`).

use super::table::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Compiler,
    Checker,
}

impl TypeTable {
    /// The compiler's spelling (as in `-m` output).
    pub fn type_string(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write_type(&mut s, t, Style::Compiler);
        s
    }

    /// The type checker's spelling (as in type errors).
    pub fn type_string_checker(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write_type(&mut s, t, Style::Checker);
        s
    }

    /// A package path's qualifier: empty for `main` and the universe, else the last element.
    pub fn qualifier(pkg: &str) -> &str {
        if pkg.is_empty() || pkg == "main" {
            ""
        } else {
            pkg.rsplit('/').next().unwrap_or(pkg)
        }
    }

    fn write_list(&self, s: &mut String, ts: &[TypeId], variadic: bool, st: Style) {
        for (i, &t) in ts.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if variadic && i + 1 == ts.len() {
                s.push_str("...");
                let e = self.elem(t).unwrap_or(t);
                self.write_type(s, e, st);
            } else {
                self.write_type(s, t, st);
            }
        }
    }

    fn write_sig(&self, s: &mut String, sig: &Signature, st: Style) {
        s.push('(');
        self.write_list(s, &sig.params, sig.variadic, st);
        s.push(')');
        match sig.results.len() {
            0 => {}
            1 if !matches!(self.get(sig.results[0]), Type::Tuple(_)) => {
                s.push(' ');
                self.write_type(s, sig.results[0], st);
            }
            _ => {
                s.push_str(" (");
                self.write_list(s, &sig.results, false, st);
                s.push(')');
            }
        }
    }

    fn write_type(&self, s: &mut String, t: TypeId, st: Style) {
        let open = if st == Style::Compiler { " { " } else { "{" };
        let close = if st == Style::Compiler { " }" } else { "}" };
        match self.get(t) {
            Type::Basic(k) => s.push_str(k.name()),
            Type::Named { name, pkg, .. } => {
                let q = Self::qualifier(pkg);
                if !q.is_empty() {
                    s.push_str(q);
                    s.push('.');
                }
                s.push_str(name);
            }
            Type::Pointer(e) => {
                s.push('*');
                self.write_type(s, *e, st);
            }
            Type::Slice(e) => {
                s.push_str("[]");
                self.write_type(s, *e, st);
            }
            Type::Array { len, elem } => {
                s.push_str(&format!("[{len}]"));
                self.write_type(s, *elem, st);
            }
            Type::Map { key, value } => {
                s.push_str("map[");
                self.write_type(s, *key, st);
                s.push(']');
                self.write_type(s, *value, st);
            }
            Type::Chan { dir, elem } => {
                s.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                let paren = *dir == ChanDir::Both
                    && matches!(
                        self.get(*elem),
                        Type::Chan {
                            dir: ChanDir::Recv,
                            ..
                        }
                    );
                if paren {
                    s.push('(');
                }
                self.write_type(s, *elem, st);
                if paren {
                    s.push(')');
                }
            }
            Type::Struct(fields) => {
                if fields.is_empty() {
                    s.push_str(if st == Style::Compiler {
                        "struct {}"
                    } else {
                        "struct{}"
                    });
                    return;
                }
                s.push_str("struct");
                s.push_str(open);
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    if !f.embedded {
                        s.push_str(&f.name);
                        s.push(' ');
                    }
                    self.write_type(s, f.ty, st);
                }
                s.push_str(close);
            }
            Type::Func(sig) => {
                s.push_str("func");
                self.write_sig(s, sig, st);
            }
            Type::Interface(ms) => {
                if ms.is_empty() {
                    s.push_str(if st == Style::Compiler {
                        "interface {}"
                    } else {
                        "interface{}"
                    });
                    return;
                }
                s.push_str("interface");
                s.push_str(open);
                for (i, m) in ms.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    s.push_str(&m.name);
                    if let Some(sig) = self.signature(m.sig) {
                        self.write_sig(s, sig, st);
                    }
                }
                s.push_str(close);
            }
            Type::Tuple(ts) => {
                s.push('(');
                self.write_list(s, ts, false, st);
                s.push(')');
            }
        }
    }
}
