//! Turning Go values in simulated memory into [`gofmt::Value`]s, for `fmt`'s printing.
//!
//! The formatter itself is [`crate::gofmt`] (Go 1.27.3's `fmt`, byte for byte). This module
//! does the VM's half of the contract described there: it follows pointers, reads string
//! bytes, walks maps, and runs Go code — a value whose method set has `Error() string` is
//! wrapped in [`Value::Error`], else one with `String() string` in [`Value::Stringer`], with
//! the string the Go method returned. Method sets follow Go: a `T` has only value-receiver
//! methods, a `*T` has all; values reached through unexported struct fields get no methods.
//! Pointers to structs, arrays, slices and maps carry their `target` at the top level;
//! `[]byte`-like slices and arrays set `bytes`; interface-typed fields and elements are
//! [`Value::Interface`] with their static type. The VM's own runtime error types (see
//! [`super::iface::RUNTIME_TYPE`]) are errors whose message is their first word pair.

use super::value::{Kind, V};
use super::{Vm, R};
use crate::gofmt::{TypeName, Value};
use crate::types::{BasicKind, Type, TypeId};

fn tn(s: String) -> TypeName {
    TypeName(s)
}

fn exported(name: &str) -> bool {
    name.trim_start_matches('*')
        .rsplit('.')
        .next()
        .and_then(|n| n.chars().next())
        .is_some_and(|c| c.is_uppercase())
}

impl Vm {
    /// The formatting arguments in the `[]any` slice `s`.
    pub fn fmt_args(&mut self, s: &V) -> R<Vec<Value>> {
        let mut out = Vec::new();
        for i in 0..s.word(1) {
            let iv = self.load_k(s.word(0) + i * 16, Kind::Iface, 16)?;
            out.push(self.describe_iface(&iv)?);
        }
        Ok(out)
    }

    /// Describes the `interface{}` value `v` (a top-level argument) for formatting.
    pub fn describe_iface(&mut self, v: &V) -> R<Value> {
        if v.word(0) == 0 {
            return Ok(Value::Interface {
                ty: tn("interface {}".into()),
                inner: None,
            });
        }
        self.describe_dyn(v, 0, true)
    }

    /// The dynamic value inside the non-nil interface `v`.
    fn describe_dyn(&mut self, v: &V, depth: u32, methods: bool) -> R<Value> {
        let d = self.iface_dyn_type(v.word(0));
        if d >= super::iface::RUNTIME_TYPE {
            let ty = tn(self.dyn_type_string(d));
            let s = self.load_k(v.word(1), Kind::Str, 16)?;
            let msg = self.read_bytes(s.word(0), s.word(1))?;
            let inner = Value::Pointer {
                addr: v.word(1),
                ty: ty.clone(),
                target: None,
            };
            return Ok(Value::Error {
                ty,
                s: msg,
                inner: Box::new(inner),
            });
        }
        let val = self.unbox(v, d)?;
        self.describe(&val, d, depth, methods)
    }

    /// The `Error()` / `String()` result for a value of type `t`, when its method set has one.
    fn method_string(&mut self, v: &V, t: TypeId) -> R<Option<(bool, Vec<u8>)>> {
        if self.tt.is_interface(t) {
            return Ok(None);
        }
        let is_ptr = matches!(self.tt.get(t), Type::Pointer(_));
        for (is_err, m) in [(true, "Error"), (false, "String")] {
            let Some(mt) = self.find_method(t, m) else {
                continue;
            };
            if mt.ptr_recv && !is_ptr {
                continue;
            }
            let fi = &self.tt.funcs[mt.func as usize];
            let ok = self.tt.signature(fi.sig).is_some_and(|s| {
                s.params.is_empty()
                    && s.results.len() == 1
                    && matches!(self.tt.under(s.results[0]), Type::Basic(BasicKind::String))
            });
            if !ok {
                continue;
            }
            // A value method called through a nil pointer: fmt prints <nil>.
            if is_ptr && v.w() == 0 && !mt.ptr_recv {
                return Ok(None);
            }
            let tw = self.type_word(t);
            let data = self.box_value(v, t, 0, true)?;
            let iv = V::words(&[tw, data]);
            let recv = self.method_receiver(&iv, t, &mt)?;
            let r = self.call_func(mt.func, 0, vec![recv])?;
            let s = match r.first() {
                Some(s) => self.read_bytes(s.word(0), s.word(1))?,
                None => Vec::new(),
            };
            return Ok(Some((is_err, s)));
        }
        Ok(None)
    }

    /// Describes a value of type `t`; `methods` is false below unexported fields.
    pub fn describe(&mut self, v: &V, t: TypeId, depth: u32, methods: bool) -> R<Value> {
        if methods {
            if let Some((is_err, s)) = self.method_string(v, t)? {
                let inner = self.describe_raw(v, t, depth, methods)?;
                let ty = inner.type_name().clone();
                let inner = Box::new(inner);
                return Ok(if is_err {
                    Value::Error { ty, s, inner }
                } else {
                    Value::Stringer { ty, s, inner }
                });
            }
        }
        self.describe_raw(v, t, depth, methods)
    }

    fn is_byte_elem(&self, e: TypeId) -> bool {
        matches!(self.tt.under(e), Type::Basic(BasicKind::Uint8))
    }

    fn describe_raw(&mut self, v: &V, t: TypeId, depth: u32, methods: bool) -> R<Value> {
        let ty = tn(self.rtype_string(t));
        let (k, _) = self.kind(t);
        Ok(match self.tt.under(t).clone() {
            Type::Basic(b) => match b {
                BasicKind::Bool | BasicKind::UntypedBool => Value::Bool { v: v.w() != 0, ty },
                BasicKind::String | BasicKind::UntypedString => Value::String {
                    s: self.read_bytes(v.word(0), v.word(1))?,
                    ty,
                },
                BasicKind::Float32 => Value::Float {
                    v: v.f(),
                    bits: 32,
                    ty,
                },
                BasicKind::Float64 | BasicKind::UntypedFloat => Value::Float {
                    v: v.f(),
                    bits: 64,
                    ty,
                },
                BasicKind::UnsafePointer => Value::Pointer {
                    addr: v.w(),
                    ty,
                    target: None,
                },
                _ => match k {
                    Kind::Int { signed: true, .. } => Value::Int {
                        v: v.w() as i64,
                        ty,
                    },
                    _ => Value::Uint { v: v.w(), ty },
                },
            },
            Type::Pointer(e) => {
                let p = v.w();
                let target = if p != 0
                    && depth == 0
                    && matches!(
                        self.tt.under(e),
                        Type::Struct(_) | Type::Array { .. } | Type::Slice(_) | Type::Map { .. }
                    ) {
                    let inner = self.load(p, e)?;
                    Some(Box::new(self.describe(&inner, e, depth + 1, methods)?))
                } else {
                    None
                };
                Value::Pointer {
                    addr: p,
                    ty,
                    target,
                }
            }
            Type::Slice(e) => {
                let es = self.size_of(e);
                let mut elems = Vec::new();
                for i in 0..v.word(1) {
                    let x = self.load(v.word(0) + i * es, e)?;
                    elems.push(self.describe_elem(&x, e, depth + 1, methods)?);
                }
                Value::Slice {
                    ty,
                    addr: v.word(0),
                    elems,
                    nil: v.word(0) == 0,
                    bytes: self.is_byte_elem(e),
                }
            }
            Type::Array { len, elem } => {
                let (ek, es) = self.kind(elem);
                let mut elems = Vec::new();
                for i in 0..len as usize {
                    let o = i * es as usize;
                    let x = super::value::from_mem_bytes(ek, &v.bytes()[o..o + es as usize]);
                    elems.push(self.describe_elem(&x, elem, depth + 1, methods)?);
                }
                Value::Array {
                    ty,
                    elems,
                    bytes: self.is_byte_elem(elem),
                }
            }
            Type::Struct(fs) => {
                let mut fields = Vec::new();
                for f in fs {
                    let (fk, fsz) = self.kind(f.ty);
                    let o = f.offset as usize;
                    let x = super::value::from_mem_bytes(fk, &v.bytes()[o..o + fsz as usize]);
                    let m = methods && exported(&f.name);
                    fields.push((f.name.clone(), self.describe_elem(&x, f.ty, depth + 1, m)?));
                }
                Value::Struct { ty, fields }
            }
            Type::Map { key, value } => {
                let m = v.w();
                let mut entries = Vec::new();
                if m != 0 {
                    for (kv, vv) in self.map_entries(m) {
                        entries.push((
                            self.describe_elem(&kv, key, depth + 1, methods)?,
                            self.describe_elem(&vv, value, depth + 1, methods)?,
                        ));
                    }
                }
                Value::Map {
                    ty,
                    addr: m,
                    entries,
                    nil: m == 0,
                }
            }
            Type::Interface(_) => Value::Interface {
                ty,
                inner: if v.word(0) == 0 {
                    None
                } else {
                    Some(Box::new(self.describe_dyn(v, depth, methods)?))
                },
            },
            Type::Chan { .. } => Value::Chan { addr: v.w(), ty },
            Type::Func(_) => {
                let c = v.w();
                let addr = if c == 0 {
                    0
                } else {
                    self.read_word(c).unwrap_or(c)
                };
                Value::Func { addr, ty }
            }
            _ => Value::Interface { ty, inner: None },
        })
    }

    /// An element, field, key or value: interface-typed ones keep their static type.
    fn describe_elem(&mut self, v: &V, t: TypeId, depth: u32, methods: bool) -> R<Value> {
        self.describe(v, t, depth, methods)
    }
}

impl Vm {
    /// A type as the runtime and `reflect` spell it (what `%T` and panic messages print):
    /// types of package `main` are qualified (`main.Point`), `byte`/`rune`/`any` are
    /// `uint8`/`int32`/`interface {}`.
    pub fn rtype_string(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write_rtype(&mut s, t);
        s
    }

    fn write_rtype_list(&self, s: &mut String, ts: &[TypeId], variadic: bool) {
        for (i, &t) in ts.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if variadic && i + 1 == ts.len() {
                s.push_str("...");
                let e = self.tt.elem(t).unwrap_or(t);
                self.write_rtype(s, e);
            } else {
                self.write_rtype(s, t);
            }
        }
    }

    fn write_rtype(&self, s: &mut String, t: TypeId) {
        let t = self.tt.canon.get(t as usize).copied().unwrap_or(t);
        match self.tt.get(t) {
            Type::Named { name, pkg, .. } => {
                if !pkg.is_empty() {
                    s.push_str(pkg.rsplit('/').next().unwrap_or(pkg));
                    s.push('.');
                }
                s.push_str(name);
            }
            Type::Pointer(e) => {
                s.push('*');
                self.write_rtype(s, *e);
            }
            Type::Slice(e) => {
                s.push_str("[]");
                self.write_rtype(s, *e);
            }
            Type::Array { len, elem } => {
                s.push_str(&format!("[{len}]"));
                self.write_rtype(s, *elem);
            }
            Type::Map { key, value } => {
                s.push_str("map[");
                self.write_rtype(s, *key);
                s.push(']');
                self.write_rtype(s, *value);
            }
            Type::Chan { dir, elem } => {
                s.push_str(match dir {
                    crate::types::ChanDir::Both => "chan ",
                    crate::types::ChanDir::Send => "chan<- ",
                    crate::types::ChanDir::Recv => "<-chan ",
                });
                self.write_rtype(s, *elem);
            }
            Type::Struct(fields) => {
                if fields.is_empty() {
                    s.push_str("struct {}");
                    return;
                }
                s.push_str("struct { ");
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    if !f.embedded {
                        s.push_str(&f.name);
                        s.push(' ');
                    }
                    self.write_rtype(s, f.ty);
                }
                s.push_str(" }");
            }
            Type::Func(sig) => {
                s.push_str("func(");
                self.write_rtype_list(s, &sig.params, sig.variadic);
                s.push(')');
                match sig.results.len() {
                    0 => {}
                    1 => {
                        s.push(' ');
                        self.write_rtype(s, sig.results[0]);
                    }
                    _ => {
                        s.push_str(" (");
                        self.write_rtype_list(s, &sig.results, false);
                        s.push(')');
                    }
                }
            }
            Type::Interface(ms) => {
                if ms.is_empty() {
                    s.push_str("interface {}");
                    return;
                }
                s.push_str("interface { ");
                for (i, m) in ms.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    s.push_str(&m.name);
                    if let Some(Type::Func(sig)) = Some(self.tt.get(m.sig)) {
                        let mut f = String::new();
                        self.write_rtype(&mut f, m.sig);
                        let _ = sig;
                        s.push_str(f.trim_start_matches("func"));
                    }
                }
                s.push_str(" }");
            }
            _ => s.push_str(&self.tt.type_string(t)),
        }
    }
}
