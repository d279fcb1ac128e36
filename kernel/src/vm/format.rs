//! Formatting values the way Go's `fmt` does (placeholder until `gofmt` lands).
//!
//! The VM first turns a value in simulated memory into an owned description ([`FVal`]):
//! this is where it follows pointers, reads string bytes, walks maps, and calls `Error()` /
//! `String()` methods (which run Go code). The formatter then only needs the description.
//! The description mirrors the `gofmt::Value` API being written on the `fmt` branch; this
//! module implements the verbs the corpus uses most until that module is merged.

use super::value::{Kind, V};
use super::{Vm, R};
use crate::types::{BasicKind, Type, TypeId};

/// An owned description of a Go value, for formatting.
#[derive(Clone, Debug)]
pub enum FVal {
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64, bool),
    Str(String),
    /// A value whose `Error()` or `String()` method produced this text.
    Method(String),
    List(Vec<FVal>),
    Map(Vec<(FVal, FVal)>),
    Struct(Vec<(String, FVal)>),
    /// A pointer: its address, and the pointee when it is a struct/array/slice/map at the top
    /// level (`&{...}`).
    Ptr(u64, Option<Box<FVal>>),
    Nil,
}

/// One argument: its `%T` name and its value.
#[derive(Clone, Debug)]
pub struct Arg {
    pub ty: String,
    pub v: FVal,
}

impl Vm {
    /// Describes the `interface{}` value `v` for formatting.
    pub fn describe_iface(&mut self, v: &V) -> R<Arg> {
        if v.word(0) == 0 {
            return Ok(Arg {
                ty: "<nil>".into(),
                v: FVal::Nil,
            });
        }
        let d = self.iface_dyn_type(v.word(0));
        if d >= super::iface::RUNTIME_TYPE {
            let s = self.load_k(v.word(1), Kind::Str, 16)?;
            return Ok(Arg {
                ty: self.dyn_type_string(d),
                v: FVal::Method(self.str_string(&s)?),
            });
        }
        let ty = self.tt.type_string(d);
        for m in ["Error", "String"] {
            if let Some(t) = self.find_method(d, m) {
                let fi = &self.tt.funcs[t.func as usize];
                let sig = self.tt.signature(fi.sig).cloned();
                if sig.is_some_and(|s| s.params.is_empty() && s.results.len() == 1) {
                    // A nil pointer receiver with a value method: Go prints <nil>.
                    if matches!(self.tt.get(d), Type::Pointer(_)) && v.word(1) == 0 && !t.ptr_recv {
                        return Ok(Arg { ty, v: FVal::Nil });
                    }
                    let recv = self.method_receiver(v, d, &t)?;
                    let r = self.call_func(t.func, 0, vec![recv])?;
                    let s = self.str_string(&r[0])?;
                    return Ok(Arg {
                        ty,
                        v: FVal::Method(s),
                    });
                }
            }
        }
        let val = self.unbox(v, d)?;
        let fv = self.describe(&val, d, 0)?;
        Ok(Arg { ty, v: fv })
    }

    /// Describes a value of type `t`.
    pub fn describe(&mut self, v: &V, t: TypeId, depth: u32) -> R<FVal> {
        if depth > 0 && !self.tt.is_interface(t) {
            // Nested values with methods are formatted through them too.
            for m in ["Error", "String"] {
                if let Some(mt) = self.find_method(t, m) {
                    if !mt.ptr_recv {
                        let fi = &self.tt.funcs[mt.func as usize];
                        if self
                            .tt
                            .signature(fi.sig)
                            .is_some_and(|s| s.params.is_empty() && s.results.len() == 1)
                        {
                            let tw = self.type_word(t);
                            let data = self.box_value(v, t, 0, true)?;
                            let iv = V::words(&[tw, data]);
                            return Ok(self.describe_iface(&iv)?.v);
                        }
                    }
                }
            }
        }
        let (k, _) = self.kind(t);
        Ok(match self.tt.under(t).clone() {
            Type::Basic(b) => match b {
                BasicKind::Bool | BasicKind::UntypedBool => FVal::Bool(v.w() != 0),
                BasicKind::String | BasicKind::UntypedString => FVal::Str(self.str_string(v)?),
                BasicKind::Float32 => FVal::Float(v.f(), true),
                BasicKind::Float64 | BasicKind::UntypedFloat => FVal::Float(v.f(), false),
                _ => match k {
                    Kind::Int { signed: true, .. } => FVal::Int(v.w() as i64),
                    _ => FVal::Uint(v.w()),
                },
            },
            Type::Pointer(e) => {
                let p = v.w();
                if p == 0 {
                    FVal::Nil
                } else if depth == 0
                    && matches!(
                        self.tt.under(e),
                        Type::Struct(_) | Type::Array { .. } | Type::Slice(_) | Type::Map { .. }
                    )
                {
                    let inner = self.load(p, e)?;
                    FVal::Ptr(p, Some(Box::new(self.describe(&inner, e, depth + 1)?)))
                } else {
                    FVal::Ptr(p, None)
                }
            }
            Type::Slice(e) => {
                if v.word(0) == 0 && v.word(1) == 0 {
                    return Ok(FVal::List(vec![]));
                }
                let es = self.tt.size_of(e);
                let mut out = Vec::new();
                for i in 0..v.word(1) {
                    let x = self.load(v.word(0) + i * es, e)?;
                    out.push(self.describe(&x, e, depth + 1)?);
                }
                FVal::List(out)
            }
            Type::Array { len, elem } => {
                let (ek, es) = self.kind(elem);
                let mut out = Vec::new();
                for i in 0..len as usize {
                    let o = i * es as usize;
                    let x = super::value::from_mem_bytes(ek, &v.bytes()[o..o + es as usize]);
                    out.push(self.describe(&x, elem, depth + 1)?);
                }
                FVal::List(out)
            }
            Type::Struct(fs) => {
                let mut out = Vec::new();
                for f in fs {
                    let (fk, fsz) = self.kind(f.ty);
                    let o = f.offset as usize;
                    let x = super::value::from_mem_bytes(fk, &v.bytes()[o..o + fsz as usize]);
                    out.push((f.name.clone(), self.describe(&x, f.ty, depth + 1)?));
                }
                FVal::Struct(out)
            }
            Type::Map { key, value } => {
                let m = v.w();
                if m == 0 {
                    return Ok(FVal::Map(vec![]));
                }
                let mut es = Vec::new();
                for (kv, vv) in self.map_entries(m) {
                    es.push((
                        self.describe(&kv, key, depth + 1)?,
                        self.describe(&vv, value, depth + 1)?,
                    ));
                }
                es.sort_by(|a, b| cmp_fval(&a.0, &b.0));
                FVal::Map(es)
            }
            Type::Interface(_) => {
                if v.word(0) == 0 {
                    FVal::Nil
                } else {
                    self.describe_iface(v)?.v
                }
            }
            Type::Chan { .. } | Type::Func(_) => {
                if v.w() == 0 {
                    FVal::Nil
                } else {
                    FVal::Ptr(v.w(), None)
                }
            }
            _ => FVal::Nil,
        })
    }
}

fn cmp_fval(a: &FVal, b: &FVal) -> std::cmp::Ordering {
    match (a, b) {
        (FVal::Int(x), FVal::Int(y)) => x.cmp(y),
        (FVal::Uint(x), FVal::Uint(y)) => x.cmp(y),
        (FVal::Float(x, _), FVal::Float(y, _)) => {
            x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal)
        }
        (FVal::Str(x), FVal::Str(y)) => x.cmp(y),
        (FVal::Bool(x), FVal::Bool(y)) => x.cmp(y),
        _ => format!("{a:?}").cmp(&format!("{b:?}")),
    }
}

/// `%v` of a value.
pub fn fmt_v(v: &FVal, plus: bool, top: bool) -> String {
    match v {
        FVal::Bool(b) => b.to_string(),
        FVal::Int(i) => i.to_string(),
        FVal::Uint(u) => u.to_string(),
        FVal::Float(f, f32) => fmt_g(*f, *f32),
        FVal::Str(s) | FVal::Method(s) => s.clone(),
        FVal::List(xs) => {
            let parts: Vec<String> = xs.iter().map(|x| fmt_v(x, plus, false)).collect();
            format!("[{}]", parts.join(" "))
        }
        FVal::Map(es) => {
            let parts: Vec<String> = es
                .iter()
                .map(|(k, v)| format!("{}:{}", fmt_v(k, plus, false), fmt_v(v, plus, false)))
                .collect();
            format!("map[{}]", parts.join(" "))
        }
        FVal::Struct(fs) => {
            let parts: Vec<String> = fs
                .iter()
                .map(|(n, v)| {
                    if plus {
                        format!("{n}:{}", fmt_v(v, plus, false))
                    } else {
                        fmt_v(v, plus, false)
                    }
                })
                .collect();
            format!("{{{}}}", parts.join(" "))
        }
        FVal::Ptr(p, inner) => match inner {
            Some(i) if top => format!("&{}", fmt_v(i, plus, false)),
            _ => format!("{p:#x}"),
        },
        FVal::Nil => "<nil>".into(),
    }
}

/// `%g`-style shortest formatting of a float, as `%v` prints it.
pub fn fmt_g(f: f64, f32: bool) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let s = if f32 {
        format!("{:e}", f as f32)
    } else {
        format!("{:e}", f)
    };
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = e.parse().unwrap_or(0);
    if !(-4..21).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{m}e{sign}{:02}", exp.abs());
    }
    if f32 {
        format!("{}", f as f32)
    } else {
        format!("{}", f)
    }
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            '\u{fffd}' => out.push_str("\\ufffd"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `fmt.Sprint`: spaces between operands when neither is a string.
pub fn sprint(args: &[Arg]) -> String {
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        let is_str = |a: &Arg| matches!(a.v, FVal::Str(_)) && a.ty == "string";
        if i > 0 && !is_str(a) && !is_str(&args[i - 1]) {
            out.push(' ');
        }
        out.push_str(&fmt_v(&a.v, false, true));
    }
    out
}

/// `fmt.Sprintln`: always spaces, then a newline.
pub fn sprintln(args: &[Arg]) -> String {
    let parts: Vec<String> = args.iter().map(|a| fmt_v(&a.v, false, true)).collect();
    format!("{}\n", parts.join(" "))
}

/// `fmt.Sprintf` for the common verbs and flags.
pub fn sprintf(format: &str, args: &[Arg]) -> String {
    let mut out = String::new();
    let cs: Vec<char> = format.chars().collect();
    let mut i = 0;
    let mut ai = 0;
    while i < cs.len() {
        if cs[i] != '%' {
            out.push(cs[i]);
            i += 1;
            continue;
        }
        i += 1;
        let (mut minus, mut plus, mut zero, mut sharp, mut space) =
            (false, false, false, false, false);
        while i < cs.len() {
            match cs[i] {
                '-' => minus = true,
                '+' => plus = true,
                '0' => zero = true,
                '#' => sharp = true,
                ' ' => space = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        while i < cs.len() && cs[i].is_ascii_digit() {
            width = Some(width.unwrap_or(0) * 10 + cs[i].to_digit(10).unwrap_or(0) as usize);
            i += 1;
        }
        let mut prec: Option<usize> = None;
        if i < cs.len() && cs[i] == '.' {
            i += 1;
            let mut p = 0;
            while i < cs.len() && cs[i].is_ascii_digit() {
                p = p * 10 + cs[i].to_digit(10).unwrap_or(0) as usize;
                i += 1;
            }
            prec = Some(p);
        }
        if i >= cs.len() {
            out.push_str("%!(NOVERB)");
            break;
        }
        let verb = cs[i];
        i += 1;
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(a) = args.get(ai) else {
            out.push_str(&format!("%!{verb}(MISSING)"));
            continue;
        };
        ai += 1;
        let s = fmt_one(verb, a, plus, sharp, space, prec);
        let s = match s {
            Some(s) => s,
            None => format!("%!{verb}({}={})", a.ty, fmt_v(&a.v, false, true)),
        };
        let n = s.chars().count();
        match width {
            Some(w) if n < w => {
                let pad = w - n;
                if minus {
                    out.push_str(&s);
                    out.push_str(&" ".repeat(pad));
                } else if zero && !matches!(verb, 's' | 'v' | 'q' | 'T') {
                    let (sign, digits) = match s.strip_prefix('-') {
                        Some(d) => ("-", d.to_string()),
                        None => match s.strip_prefix('+') {
                            Some(d) => ("+", d.to_string()),
                            None => ("", s.clone()),
                        },
                    };
                    out.push_str(sign);
                    out.push_str(&"0".repeat(pad));
                    out.push_str(&digits);
                } else {
                    out.push_str(&" ".repeat(pad));
                    out.push_str(&s);
                }
            }
            _ => out.push_str(&s),
        }
    }
    if ai < args.len() {
        out.push_str("%!(EXTRA ");
        let parts: Vec<String> = args[ai..]
            .iter()
            .map(|a| format!("{}={}", a.ty, fmt_v(&a.v, false, true)))
            .collect();
        out.push_str(&parts.join(", "));
        out.push(')');
    }
    out
}

fn fmt_one(
    verb: char,
    a: &Arg,
    plus: bool,
    sharp: bool,
    space: bool,
    prec: Option<usize>,
) -> Option<String> {
    let v = &a.v;
    Some(match verb {
        'v' => {
            if let (true, FVal::Str(s)) = (sharp, v) {
                quote(s)
            } else {
                fmt_v(v, plus, true)
            }
        }
        'T' => a.ty.clone(),
        'd' => match v {
            FVal::Int(i) => {
                let s = i.to_string();
                if plus && *i >= 0 {
                    format!("+{s}")
                } else if space && *i >= 0 {
                    format!(" {s}")
                } else {
                    s
                }
            }
            FVal::Uint(u) => u.to_string(),
            FVal::List(_) | FVal::Struct(_) | FVal::Map(_) | FVal::Ptr(..) => fmt_v(v, false, true),
            _ => return None,
        },
        's' => match v {
            FVal::Str(s) | FVal::Method(s) => s.clone(),
            FVal::List(_) | FVal::Struct(_) | FVal::Nil => fmt_v(v, false, true),
            _ => return None,
        },
        'q' => match v {
            FVal::Str(s) | FVal::Method(s) => quote(s),
            FVal::Int(i) => format!("'{}'", char::from_u32(*i as u32).unwrap_or('\u{fffd}')),
            FVal::Uint(i) => format!("'{}'", char::from_u32(*i as u32).unwrap_or('\u{fffd}')),
            _ => return None,
        },
        'c' => match v {
            FVal::Int(i) => char::from_u32(*i as u32).unwrap_or('\u{fffd}').to_string(),
            FVal::Uint(i) => char::from_u32(*i as u32).unwrap_or('\u{fffd}').to_string(),
            _ => return None,
        },
        't' => match v {
            FVal::Bool(b) => b.to_string(),
            _ => return None,
        },
        'x' | 'X' | 'o' | 'b' => {
            let s = match v {
                FVal::Int(i) => {
                    let (neg, m) = (*i < 0, i.unsigned_abs());
                    let body = radix(m, verb, sharp);
                    if neg {
                        format!("-{body}")
                    } else {
                        body
                    }
                }
                FVal::Uint(u) => radix(*u, verb, sharp),
                FVal::Str(s) | FVal::Method(s) if verb == 'x' || verb == 'X' => {
                    let h: String = s.bytes().map(|b| format!("{b:02x}")).collect();
                    if verb == 'X' {
                        h.to_uppercase()
                    } else {
                        h
                    }
                }
                _ => return None,
            };
            s
        }
        'f' | 'F' | 'e' | 'g' => match v {
            FVal::Float(f, f32) => match verb {
                'f' | 'F' => format!("{:.*}", prec.unwrap_or(6), f),
                'e' => {
                    let s = format!("{:.*e}", prec.unwrap_or(6), f);
                    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                    let ex: i32 = e.parse().unwrap_or(0);
                    format!("{m}e{}{:02}", if ex < 0 { '-' } else { '+' }, ex.abs())
                }
                _ => match prec {
                    Some(p) => {
                        let s = format!("{:.*e}", p.saturating_sub(1), f);
                        let v: f64 = s.parse().unwrap_or(*f);
                        fmt_g(v, *f32)
                    }
                    None => fmt_g(*f, *f32),
                },
            },
            _ => return None,
        },
        'p' => match v {
            FVal::Ptr(p, _) => format!("{p:#x}"),
            _ => return None,
        },
        _ => return None,
    })
}

fn radix(m: u64, verb: char, sharp: bool) -> String {
    match verb {
        'x' => format!("{}{m:x}", if sharp { "0x" } else { "" }),
        'X' => format!("{}{m:X}", if sharp { "0X" } else { "" }),
        'o' => format!("{}{m:o}", if sharp { "0" } else { "" }),
        _ => format!("{m:b}"),
    }
}
