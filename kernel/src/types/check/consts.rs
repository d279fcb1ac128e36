//! Constant values: literals, arithmetic on untyped and typed constants, representability, and
//! printing expressions the way the type checker quotes them in messages.

use super::*;
use crate::syntax::ast::{BinaryOp, ExprKind, LitKind, UnaryOp};
use crate::types::constant::Real;

/// Parses a literal as written in the source.
pub(super) fn parse_lit(kind: LitKind, raw: &str) -> Option<ConstValue> {
    match kind {
        LitKind::Int => {
            let s: String = raw.chars().filter(|&c| c != '_').collect();
            let (digits, radix) =
                if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
                    (h.to_string(), 16)
                } else if let Some(b) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
                    (b.to_string(), 2)
                } else if let Some(o) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
                    (o.to_string(), 8)
                } else if s.len() > 1 && s.starts_with('0') {
                    (s[1..].to_string(), 8)
                } else {
                    (s, 10)
                };
            i128::from_str_radix(&digits, radix)
                .ok()
                .map(ConstValue::Int)
        }
        LitKind::Float => Real::parse(raw).map(ConstValue::Float),
        LitKind::Imag => None,
        LitKind::Rune => {
            let inner = raw.strip_prefix('\'')?.strip_suffix('\'')?;
            let b = unquote_body(inner, '\'')?;
            // A one-byte value (`'a'`, `'\xff'`, `'\377'`) is that byte; anything else must
            // be exactly one UTF-8 encoded character.
            if let [byte] = b[..] {
                return Some(ConstValue::Int(byte as i128));
            }
            let s = std::str::from_utf8(&b).ok()?;
            let mut it = s.chars();
            let c = it.next()?;
            if it.next().is_some() {
                return None;
            }
            Some(ConstValue::Int(c as i128))
        }
        LitKind::String => {
            if let Some(r) = raw.strip_prefix('`').and_then(|r| r.strip_suffix('`')) {
                return Some(ConstValue::String(r.replace('\r', "").into_bytes()));
            }
            let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
            unquote_body(inner, '"').map(ConstValue::String)
        }
    }
}

/// Interprets Go escape sequences. The result is bytes: `\xff` and octal escapes are single
/// bytes, which need not form valid UTF-8.
fn unquote_body(s: &str, _quote: char) -> Option<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new();
    let mut it = s.chars().peekable();
    let push = |out: &mut Vec<u8>, c: char| {
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    };
    while let Some(c) = it.next() {
        if c != '\\' {
            push(&mut out, c);
            continue;
        }
        let e = it.next()?;
        let simple = match e {
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            'a' => Some('\x07'),
            'b' => Some('\x08'),
            'f' => Some('\x0c'),
            'v' => Some('\x0b'),
            '\\' => Some('\\'),
            '\'' => Some('\''),
            '"' => Some('"'),
            _ => None,
        };
        if let Some(ch) = simple {
            push(&mut out, ch);
            continue;
        }
        let (n, radix) = match e {
            'x' => (2, 16),
            'u' => (4, 16),
            'U' => (8, 16),
            '0'..='7' => (2, 8),
            _ => return None,
        };
        let mut digits = String::new();
        if radix == 8 {
            digits.push(e);
        }
        for _ in 0..n {
            digits.push(it.next()?);
        }
        let v = u32::from_str_radix(&digits, radix).ok()?;
        if e == 'x' || radix == 8 {
            out.push(u8::try_from(v).ok()?);
        } else {
            push(&mut out, char::from_u32(v)?);
        }
    }
    Some(out)
}

/// The value as `go/constant` prints it in messages.
pub(super) fn const_string(v: &ConstValue) -> String {
    match v {
        ConstValue::Bool(b) => b.to_string(),
        ConstValue::Int(i) => i.to_string(),
        ConstValue::Float(f) => {
            // go/constant: `%.6g` of the nearest float64, or all the digits `%g` needs when
            // six would hide that the value has a fraction.
            let x = f.to_f64();
            let s = crate::gofmt::format_float(x, b'g', 6, 64);
            if !f.is_integer() && !s.contains('.') && !s.contains('e') {
                crate::gofmt::format_float(x, b'g', -1, 64)
            } else {
                s
            }
        }
        ConstValue::String(s) => match std::str::from_utf8(s) {
            Ok(s) => format!("{s:?}"),
            Err(_) => crate::gofmt::go_quote(s),
        },
    }
}

/// A numeric constant as an exact real.
pub(super) fn to_real(v: &ConstValue) -> Option<Real> {
    match v {
        ConstValue::Int(i) => Some(Real::from_int(*i)),
        ConstValue::Float(f) => Some(f.clone()),
        _ => None,
    }
}

/// Whether the value fits the basic kind; returns the converted value or the reason
/// (`overflows`, `truncated`).
pub(super) fn representable(v: &ConstValue, k: BasicKind) -> Result<ConstValue, &'static str> {
    use BasicKind::*;
    if k.is_integer() {
        let i = match v {
            ConstValue::Int(i) => *i,
            ConstValue::Float(f) if f.is_integer() => f.to_i128().ok_or("overflows")?,
            ConstValue::Float(_) => return Err("truncated"),
            _ => return Err(""),
        };
        let (lo, hi): (i128, i128) = match k {
            Int8 => (i8::MIN as i128, i8::MAX as i128),
            Int16 => (i16::MIN as i128, i16::MAX as i128),
            Int32 | UntypedRune => (i32::MIN as i128, i32::MAX as i128),
            Int | Int64 => (i64::MIN as i128, i64::MAX as i128),
            Uint8 => (0, u8::MAX as i128),
            Uint16 => (0, u16::MAX as i128),
            Uint32 => (0, u32::MAX as i128),
            Uint | Uint64 | Uintptr => (0, u64::MAX as i128),
            _ => (i128::MIN, i128::MAX),
        };
        return if i < lo || i > hi {
            Err("overflows")
        } else {
            Ok(ConstValue::Int(i))
        };
    }
    if k.is_float() {
        // An untyped float stays exact; a typed one is rounded to its type (Go's roundFloat32
        // and roundFloat64), and overflows when the rounding gives an infinity.
        let r = to_real(v).ok_or("")?;
        let rounded = match k {
            Float32 => r.round_f32(),
            Float64 => r.round_f64(),
            _ => Some(r),
        };
        return rounded.map(ConstValue::Float).ok_or("overflows");
    }
    if k.is_complex() {
        return to_real(v).map(ConstValue::Float).ok_or("");
    }
    match (v, k.is_string(), k.is_boolean()) {
        (ConstValue::String(_), true, _) | (ConstValue::Bool(_), _, true) => Ok(v.clone()),
        _ => Err(""),
    }
}

/// Folds a unary operator on a constant.
pub(super) fn const_unary(op: UnaryOp, v: &ConstValue, k: Option<BasicKind>) -> Option<ConstValue> {
    Some(match (op, v) {
        (UnaryOp::Plus, _) => v.clone(),
        (UnaryOp::Neg, ConstValue::Int(i)) => ConstValue::Int(i.checked_neg()?),
        (UnaryOp::Neg, ConstValue::Float(f)) => ConstValue::Float(f.neg()),
        (UnaryOp::Not, ConstValue::Bool(b)) => ConstValue::Bool(!b),
        (UnaryOp::BitNot, ConstValue::Int(i)) => {
            let bits = match k {
                Some(BasicKind::Uint8) => 8,
                Some(BasicKind::Uint16) => 16,
                Some(BasicKind::Uint32) => 32,
                Some(BasicKind::Uint | BasicKind::Uint64 | BasicKind::Uintptr) => 64,
                _ => return Some(ConstValue::Int(!i)),
            };
            ConstValue::Int(!i & ((1i128 << bits) - 1))
        }
        _ => return None,
    })
}

/// Folds a binary operator; `Err` carries an error message.
pub(super) fn const_binary(
    op: BinaryOp,
    x: &ConstValue,
    y: &ConstValue,
    integer: bool,
) -> Result<ConstValue, String> {
    use BinaryOp::*;
    use ConstValue as C;
    let cmp = |o: std::cmp::Ordering| -> bool {
        match op {
            Eq => o.is_eq(),
            Ne => !o.is_eq(),
            Lt => o.is_lt(),
            Le => o.is_le(),
            Gt => o.is_gt(),
            _ => o.is_ge(),
        }
    };
    match (x, y) {
        (C::Bool(a), C::Bool(b)) => Ok(C::Bool(match op {
            LogAnd => *a && *b,
            LogOr => *a || *b,
            Eq => a == b,
            Ne => a != b,
            _ => return Err("invalid operation".into()),
        })),
        (C::String(a), C::String(b)) => match op {
            Add => Ok(C::String([&a[..], &b[..]].concat())),
            Eq | Ne | Lt | Le | Gt | Ge => Ok(C::Bool(cmp(a.cmp(b)))),
            _ => Err("invalid operation".into()),
        },
        (C::Int(a), C::Int(b)) => {
            let (a, b) = (*a, *b);
            let r = match op {
                Add => a.checked_add(b),
                Sub => a.checked_sub(b),
                Mul => a.checked_mul(b),
                Div if b == 0 => return Err("invalid operation: division by zero".into()),
                // Whole values of a float type (`float64(1) / 3`) divide exactly.
                Div if !integer => {
                    return Real::from_int(a)
                        .div(&Real::from_int(b))
                        .map(C::Float)
                        .ok_or_else(|| "constant overflow".into())
                }
                Div => a.checked_div(b),
                Rem if b == 0 => return Err("invalid operation: division by zero".into()),
                Rem => a.checked_rem(b),
                And => Some(a & b),
                Or => Some(a | b),
                Xor => Some(a ^ b),
                AndNot => Some(a & !b),
                Shl => u32::try_from(b)
                    .ok()
                    .filter(|&s| s < 127)
                    .and_then(|s| a.checked_mul(1i128 << s)),
                Shr => u32::try_from(b).ok().map(|s| {
                    if s >= 127 {
                        if a < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        a >> s
                    }
                }),
                _ => return Ok(C::Bool(cmp(a.cmp(&b)))),
            };
            r.map(C::Int).ok_or_else(|| "constant overflow".into())
        }
        _ => {
            let (Some(a), Some(b)) = (to_real(x), to_real(y)) else {
                return Err("invalid operation".into());
            };
            let r = match op {
                Add => a.add(&b),
                Sub => a.sub(&b),
                Mul => a.mul(&b),
                Div if b.is_zero() => return Err("invalid operation: division by zero".into()),
                Div => a.div(&b),
                Eq | Ne | Lt | Le | Gt | Ge => return Ok(C::Bool(cmp(a.cmp(&b)))),
                _ => return Err("invalid operation".into()),
            };
            r.map(C::Float).ok_or_else(|| "constant overflow".into())
        }
    }
}

/// An expression as the type checker quotes it (`T{}`, `f(x)`, `a + b`, `T{…}`).
pub(crate) fn expr_string(e: &Expr) -> String {
    let mut s = String::new();
    write_expr(&mut s, e);
    s
}

fn write_list(s: &mut String, es: &[Expr]) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        write_expr(s, e);
    }
}

fn write_expr(s: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Name(n) => s.push_str(n),
        ExprKind::BasicLit { raw, .. } => s.push_str(raw),
        ExprKind::CompositeLit { ty, elems, .. } => {
            if let Some(t) = ty {
                write_expr(s, t);
            }
            s.push_str(if elems.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::KeyValue { key, value } => {
            write_expr(s, key);
            s.push_str(": ");
            write_expr(s, value);
        }
        ExprKind::FuncLit { .. } => s.push_str("func(…) {…}"),
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(s, x);
            s.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(s, x);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index { x, index } => {
            write_expr(s, x);
            s.push('[');
            write_list(s, index);
            s.push(']');
        }
        ExprKind::Slice { x, lo, hi, max } => {
            write_expr(s, x);
            s.push('[');
            if let Some(l) = lo {
                write_expr(s, l);
            }
            s.push(':');
            if let Some(h) = hi {
                write_expr(s, h);
            }
            if let Some(m) = max {
                s.push(':');
                write_expr(s, m);
            }
            s.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            write_expr(s, x);
            s.push_str(".(");
            match ty {
                Some(t) => write_expr(s, t),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } => {
            write_expr(s, func);
            s.push('(');
            write_list(s, args);
            if *ellipsis {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(s, x);
        }
        ExprKind::Unary { op, x } => {
            s.push_str(op.as_str());
            write_expr(s, x);
        }
        ExprKind::Binary { op, x, y } => {
            write_expr(s, x);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_expr(s, y);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            match len {
                Some(l) => write_expr(s, l),
                None => s.push_str("..."),
            }
            s.push(']');
            write_expr(s, elem);
        }
        ExprKind::SliceType(x) => {
            s.push_str("[]");
            write_expr(s, x);
        }
        ExprKind::MapType { key, value } => {
            s.push_str("map[");
            write_expr(s, key);
            s.push(']');
            write_expr(s, value);
        }
        ExprKind::ChanType { dir, elem } => {
            s.push_str(match dir {
                ast::ChanDir::Both => "chan ",
                ast::ChanDir::Send => "chan<- ",
                ast::ChanDir::Recv => "<-chan ",
            });
            write_expr(s, elem);
        }
        ExprKind::FuncType(_) => s.push_str("func(…)"),
        ExprKind::StructType(fs) => s.push_str(if fs.is_empty() {
            "struct{}"
        } else {
            "struct{…}"
        }),
        ExprKind::InterfaceType(fs) => s.push_str(if fs.is_empty() {
            "interface{}"
        } else {
            "interface{…}"
        }),
        ExprKind::Ellipsis => s.push_str("..."),
    }
}
