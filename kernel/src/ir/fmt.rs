//! Printing IR nodes the way the Go compiler prints them in diagnostics.
//!
//! `-gcflags=-m` names each allocation by printing its IR node: `&Node{...}`,
//! `make([]int, 10)`, `([]byte)(s)`, `func literal`, `... argument`, `t.Get`, `a + b`. The rules,
//! observed from the compiler's `ir/fmt.go`, are:
//!
//! - composite literals print their type and `{...}` if they have elements, else `{}`;
//!   the implicit slice of a variadic call prints as `... argument`;
//! - conversions print as `T(x)`, with the type parenthesised when it has no name
//!   (`([]byte)(s)`); implicit conversions, implicit `&` and implicit `*` print as their operand;
//! - constants print their name if they have one, else their value; a value whose type is not
//!   the default type of its kind prints as `T(v)`, a rune as a quoted character;
//! - operators are printed with spaces around binary operators and parentheses only where Go's
//!   precedence table requires them.

use super::{Callee, Expr, ExprKind, Program, Stmt, StmtKind};
use crate::types::{BasicKind, Builtin, ConstValue, Type, TypeId, TypeTable};

/// Formats IR for diagnostics.
pub struct Printer<'a> {
    pub prog: &'a Program,
    pub tt: &'a TypeTable,
}

/// Go's `OpPrec` for the node, used to decide where parentheses go.
fn prec(e: &Expr) -> i32 {
    use crate::syntax::ast::BinaryOp::*;
    use ExprKind::*;
    match &e.kind {
        Unary { .. } | Addr { .. } | Deref { .. } | Recv(_) => 7,
        Binary { op, .. } => match op {
            Mul | Div | Rem | Shl | Shr | And | AndNot => 6,
            Add | Sub | Or | Xor => 5,
            Eq | Ne | Lt | Le | Gt | Ge => 4,
            LogAnd => 2,
            LogOr => 1,
        },
        PtrLit(_) | Closure(_) | AddStr(_) | InlCall { .. } | MapLit(_) | StructLit(_) => 0,
        _ => 8,
    }
}

impl Printer<'_> {
    pub fn ty(&self, t: TypeId) -> String {
        self.tt.type_string(t)
    }

    pub fn expr(&self, e: &Expr) -> String {
        let mut s = String::new();
        self.write(&mut s, e, 0);
        s
    }

    fn list(&self, out: &mut String, es: &[Expr]) {
        for (i, e) in es.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.write(out, e, 0);
        }
    }

    fn write(&self, out: &mut String, mut e: &Expr, p: i32) {
        use ExprKind::*;
        // Implicit nodes print as their operand.
        while let Addr { x, implicit: true }
        | Deref { x, implicit: true }
        | Conv { x, implicit: true }
        | ConvIface { x, implicit: true }
        | Init { x, .. } = &e.kind
        {
            e = x;
        }
        let np = prec(e);
        if p > np {
            out.push('(');
            self.write(out, e, 0);
            out.push(')');
            return;
        }
        match &e.kind {
            Name(v) | Global(v) => {
                let name = &self.prog.var(*v).name;
                if name.starts_with("~b") {
                    out.push('_');
                } else {
                    out.push_str(name);
                }
            }
            FuncName(f) | MethodExpr(f) => out.push_str(&self.func_name(*f)),
            Literal { value, sym } => match sym {
                Some(s) => out.push_str(s),
                None => out.push_str(&self.literal(value, e.ty)),
            },
            Nil => out.push_str("nil"),
            Init { x, .. } => self.write(out, x, p),
            Blank => out.push('_'),
            Closure(_) => out.push_str("func literal"),
            PtrLit(x) => {
                out.push('&');
                self.write(out, x, 0);
            }
            StructLit(fs) => self.complit(out, e.ty, !fs.is_empty()),
            ArrayLit { elems, .. } => self.complit(out, e.ty, !elems.is_empty()),
            MapLit(kvs) => self.complit(out, e.ty, !kvs.is_empty()),
            SliceLit {
                elems, implicit, ..
            } => {
                if *implicit {
                    out.push_str("... argument");
                } else {
                    self.complit(out, e.ty, !elems.is_empty())
                }
            }
            Dot { x, field } | DotPtr { x, field } => {
                self.write(out, x, np);
                out.push('.');
                out.push_str(field);
            }
            MethodValue { x, name, .. } => {
                self.write(out, x, np);
                out.push('.');
                out.push_str(name);
            }
            DotType { x, .. } => {
                self.write(out, x, np);
                out.push_str(&format!(".({})", self.ty(e.ty)));
            }
            Index { x, index } => {
                self.write(out, x, np);
                out.push('[');
                self.write(out, index, 0);
                out.push(']');
            }
            IndexMap { x, key } => {
                self.write(out, x, np);
                out.push('[');
                self.write(out, key, 0);
                out.push(']');
            }
            Slice { x, lo, hi, max } => {
                self.write(out, x, np);
                out.push('[');
                if let Some(l) = lo {
                    self.write(out, l, 0);
                }
                out.push(':');
                if let Some(h) = hi {
                    self.write(out, h, 0);
                }
                if let Some(m) = max {
                    out.push(':');
                    self.write(out, m, 0);
                }
                out.push(']');
            }
            Conv { x, .. }
            | ConvIface { x, .. }
            | Bytes2Str(x)
            | Runes2Str(x)
            | Str2Bytes(x)
            | Str2Runes(x)
            | RuneStr(x) => {
                if self.is_named(e.ty) {
                    out.push_str(&self.ty(e.ty));
                } else {
                    out.push_str(&format!("({})", self.ty(e.ty)));
                }
                out.push('(');
                self.write(out, x, 0);
                out.push(')');
            }
            Builtin { which, args } => {
                out.push_str(builtin_name(*which));
                out.push('(');
                self.list(out, args);
                out.push(')');
            }
            Append { args, ddd } => {
                out.push_str("append(");
                self.list(out, args);
                if *ddd {
                    out.push_str("...");
                }
                out.push(')');
            }
            Copy { dst, src } => {
                out.push_str("copy(");
                self.write(out, dst, 0);
                out.push_str(", ");
                self.write(out, src, 0);
                out.push(')');
            }
            New => {
                let elem = match &self.tt.types[e.ty as usize] {
                    Type::Pointer(t) => *t,
                    _ => e.ty,
                };
                out.push_str(&format!("new({})", self.ty(elem)));
            }
            MakeSlice { len, cap } => {
                out.push_str(&format!("make({}, ", self.ty(e.ty)));
                self.write(out, len, 0);
                if let Some(c) = cap {
                    out.push_str(", ");
                    self.write(out, c, 0);
                }
                out.push(')');
            }
            MakeMap { hint } | MakeChan { size: hint } => {
                out.push_str(&format!("make({}", self.ty(e.ty)));
                if let Some(h) = hint {
                    let untyped_const = matches!(h.kind, Literal { .. })
                        && matches!(self.tt.types[h.ty as usize], Type::Basic(k) if is_untyped(k));
                    if !untyped_const || matches!(e.kind, MakeSlice { .. }) {
                        out.push_str(", ");
                        self.write(out, h, 0);
                    }
                }
                out.push(')');
            }
            Call { callee, args, ddd } => {
                match callee {
                    Callee::Func(f) => out.push_str(&self.func_name(*f)),
                    Callee::Value(v) => self.write(out, v, np),
                    Callee::Interface { recv, method } => {
                        self.write(out, recv, np);
                        out.push('.');
                        out.push_str(method);
                    }
                }
                out.push('(');
                self.list(out, args);
                if *ddd {
                    out.push_str("...");
                }
                out.push(')');
            }
            InlCall { results, .. } => {
                if results.len() == 1 {
                    out.push_str(&self.prog.var(results[0]).name);
                } else {
                    out.push_str("(.");
                    let names: Vec<_> = results
                        .iter()
                        .map(|r| self.prog.var(*r).name.clone())
                        .collect();
                    out.push_str(&format!("[{}]", names.join(" ")));
                    out.push(')');
                }
            }
            Unary { op, x } => {
                out.push_str(op.as_str());
                if matches!(&x.kind, Unary { op: o2, .. } if o2 == op) {
                    out.push(' ');
                }
                self.write(out, x, np + 1);
            }
            Recv(x) => {
                out.push_str("<-");
                self.write(out, x, np + 1);
            }
            Addr { x, .. } => {
                out.push('&');
                if matches!(x.kind, Addr { .. }) {
                    out.push(' ');
                }
                self.write(out, x, np + 1);
            }
            Deref { x, .. } => {
                out.push('*');
                self.write(out, x, np + 1);
            }
            Binary { op, x, y } => {
                self.write(out, x, np);
                out.push_str(&format!(" {} ", op.as_str()));
                self.write(out, y, np + 1);
            }
            AddStr(list) => {
                for (i, x) in list.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" + ");
                    }
                    self.write(out, x, np);
                }
            }
        }
    }

    fn complit(&self, out: &mut String, ty: TypeId, nonempty: bool) {
        out.push_str(&self.ty(ty));
        out.push_str(if nonempty { "{...}" } else { "{}" });
    }

    fn is_named(&self, t: TypeId) -> bool {
        matches!(
            self.tt.types[t as usize],
            Type::Named { .. } | Type::Basic(_)
        ) || self.tt.type_string(t) == "any"
    }

    /// The printed name of a function as it appears in an expression (`fmt.Println`, `f`,
    /// `(*T).Get`).
    pub fn func_name(&self, f: crate::types::FuncId) -> String {
        let info = &self.tt.funcs[f as usize];
        qualified(&info.pkg, &info.name)
    }

    /// A constant: `5`, `"hi"`, `'a'`, `int64(5)`, `true`.
    pub fn literal(&self, v: &ConstValue, ty: TypeId) -> String {
        let kind = match self.tt.under(ty) {
            Type::Basic(k) => Some(*k),
            _ => None,
        };
        let named = self.tt.type_string(ty);
        let val = match v {
            ConstValue::Bool(b) => b.to_string(),
            ConstValue::Int(i) => {
                if named == "rune" || kind == Some(BasicKind::UntypedRune) {
                    if let Some(c) = u32::try_from(*i).ok().and_then(char::from_u32) {
                        return go_quote_rune(c);
                    }
                }
                i.to_string()
            }
            ConstValue::Float(f) => go_float(f.to_f64()),
            ConstValue::String(s) => match std::str::from_utf8(s) {
                Ok(s) => go_quote_const_string(s),
                // Invalid UTF-8 is quoted byte by byte (`"\xff"`), as strconv.Quote does.
                Err(_) => crate::gofmt::go_quote(s),
            },
        };
        let default = matches!(
            (v, kind),
            (
                ConstValue::Bool(_),
                Some(BasicKind::Bool | BasicKind::UntypedBool)
            ) | (
                ConstValue::Int(_),
                Some(BasicKind::Int | BasicKind::UntypedInt)
            ) | (
                ConstValue::Float(_),
                Some(BasicKind::Float64 | BasicKind::UntypedFloat)
            ) | (
                ConstValue::String(_),
                Some(BasicKind::String | BasicKind::UntypedString)
            )
        ) && matches!(
            named.as_str(),
            "bool"
                | "int"
                | "float64"
                | "string"
                | "untyped int"
                | "untyped bool"
                | "untyped float"
                | "untyped string"
                | "untyped rune"
        );
        if default {
            val
        } else {
            format!("{}({})", self.ty(ty), val)
        }
    }

    /// A statement, for diagnostics such as `ignoring self-assignment in b.buf = b.buf[1:]`.
    pub fn stmt(&self, s: &Stmt) -> String {
        match &s.kind {
            StmtKind::Assign { dst, src, define } => {
                let op = if *define { ":=" } else { "=" };
                match src {
                    Some(src) => format!("{} {} {}", self.expr(dst), op, self.expr(src)),
                    None => format!("{} {} <nil>", self.expr(dst), op),
                }
            }
            StmtKind::AssignOp {
                op,
                dst,
                src,
                incdec,
            } => {
                if *incdec {
                    let suffix = if *op == crate::syntax::ast::BinaryOp::Add {
                        "++"
                    } else {
                        "--"
                    };
                    format!("{}{}", self.expr(dst), suffix)
                } else {
                    format!("{} {}= {}", self.expr(dst), op.as_str(), self.expr(src))
                }
            }
            StmtKind::Assign2 {
                lhs, rhs, define, ..
            } => {
                let op = if *define { ":=" } else { "=" };
                let l: Vec<_> = lhs.iter().map(|e| self.expr(e)).collect();
                let r: Vec<_> = rhs.iter().map(|e| self.expr(e)).collect();
                format!("{} {} {}", l.join(", "), op, r.join(", "))
            }
            StmtKind::Assign2Func { lhs, call, define } => {
                let op = if *define { ":=" } else { "=" };
                let l: Vec<_> = lhs.iter().map(|e| self.expr(e)).collect();
                format!("{} {} {}", l.join(", "), op, self.expr(call))
            }
            StmtKind::Return(es) => {
                let r: Vec<_> = es.iter().map(|e| self.expr(e)).collect();
                if r.is_empty() {
                    "return".into()
                } else {
                    format!("return {}", r.join(", "))
                }
            }
            StmtKind::Send { ch, value } => format!("{} <- {}", self.expr(ch), self.expr(value)),
            StmtKind::Expr(e) | StmtKind::Panic(e) | StmtKind::Go(e) | StmtKind::Defer(e) => {
                self.expr(e)
            }
            _ => String::new(),
        }
    }
}

fn is_untyped(k: BasicKind) -> bool {
    use BasicKind::*;
    matches!(
        k,
        UntypedBool | UntypedInt | UntypedRune | UntypedFloat | UntypedString | UntypedNil
    )
}

pub fn builtin_name(b: Builtin) -> &'static str {
    use Builtin::*;
    match b {
        Append => "append",
        Cap => "cap",
        Clear => "clear",
        Close => "close",
        Complex => "complex",
        Copy => "copy",
        Delete => "delete",
        Imag => "imag",
        Len => "len",
        Make => "make",
        Max => "max",
        Min => "min",
        New => "new",
        Panic => "panic",
        Print => "print",
        Println => "println",
        Real => "real",
        Recover => "recover",
    }
}

/// A function name qualified by its package unless it is in `main` (`fmt.Println`,
/// `strings.(*Builder).WriteString`, `NewNode`).
pub fn qualified(pkg: &str, name: &str) -> String {
    let short = pkg.rsplit('/').next().unwrap_or(pkg);
    if pkg == "main" || pkg.is_empty() || name.starts_with(&format!("{short}.")) {
        name.to_string()
    } else {
        format!("{short}.{name}")
    }
}

/// Quotes a rune as Go's `%q` does.
pub fn go_quote_rune(c: char) -> String {
    let body = match c {
        '\'' => "\\'".to_string(),
        '\\' => "\\\\".to_string(),
        '\n' => "\\n".to_string(),
        '\t' => "\\t".to_string(),
        '\r' => "\\r".to_string(),
        '\0' => "\\x00".to_string(),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => format!("\\x{:02x}", c as u32),
        c => c.to_string(),
    };
    format!("'{body}'")
}

/// Quotes a string as Go's `strconv.Quote` does (enough of it for diagnostics).
pub fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A string constant as `go/constant` prints it: quoted, and shortened with `...` when the
/// quoted form is longer than 72 bytes.
pub fn go_quote_const_string(s: &str) -> String {
    const MAX: usize = 72;
    let q = go_quote(s);
    if q.len() <= MAX {
        return q;
    }
    // Keep whole characters of the original string so the quoted prefix has at most
    // MAX - 3 bytes, then add "...".
    let mut n = 0;
    let mut cut = 0;
    for (i, c) in s.char_indices() {
        let w = go_quote(&c.to_string()).len() - 2;
        if n + w + 1 > MAX - 3 {
            break;
        }
        n += w;
        cut = i + c.len_utf8();
    }
    let mut q = go_quote(&s[..cut]);
    q.pop();
    q.push_str("...");
    q
}

/// A float constant the way `go/constant` prints it (`%.6g`-like for inexact values).
pub fn go_float(f: f64) -> String {
    if f == f.trunc() && f.abs() < 1e21 {
        return format!("{}", f as i128);
    }
    let s = format!("{f}");
    if s.len() <= 10 {
        s
    } else {
        format!("{f:e}")
    }
}
